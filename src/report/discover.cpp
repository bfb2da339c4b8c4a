#include "report/discover.h"

#include <SQLiteCpp/Statement.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "text/tokenizer.h"

namespace ascolto {
namespace {

// One uncovered comment as the grouping sees it: its distinct words and two-word phrases.
struct Doc {
  std::size_t index = 0;  // into the input
  std::set<std::string> words, phrases;
  bool grouped = false;
};

// A lower_snake_case ASCII id for a term ("qualità audio" -> "qualita_audio"), through ICU's
// Latin-ASCII transliteration.
std::string slug(const std::string& term) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_ascii(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(term);
  if (U_SUCCESS(status)) to_ascii->transliterate(u);
  std::string ascii;
  u.toUTF8String(ascii);
  std::string out;
  for (const char c : ascii) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || !(out.front() >= 'a' && out.front() <= 'z')) out = "theme_" + out;
  return out;
}

std::string capitalised(const std::string& term) {
  std::string out = term;
  if (!out.empty() && out.front() >= 'a' && out.front() <= 'z') out.front() -= 'a' - 'A';
  return out;
}

std::vector<Doc> read_docs(const std::vector<UncoveredComment>& comments,
                           const std::vector<std::size_t>& indexes, const LanguageLexicon& lang) {
  Tokenizer tokenizer;
  TokenizedText tokens;
  std::vector<Doc> docs;
  for (const std::size_t i : indexes) {
    tokenizer.tokenize(comments[i].text, tokens);
    Doc d;
    d.index = i;
    for (const Sentence& s : tokens.sentences) {
      for (std::uint32_t k = s.first_token; k < s.end_token; ++k) {
        const Token& t = tokens.tokens[k];
        if (!content_word(t, lang)) continue;
        d.words.insert(t.norm);
        if (k + 1 < s.end_token && content_word(tokens.tokens[k + 1], lang)) {
          d.phrases.insert(t.norm + " " + tokens.tokens[k + 1].norm);
        }
      }
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

// Whether a word reads as a verb form rather than a thing, by its ending (no tagger: "asked",
// "pagato", "chiamare" head no group, though they still count as co-occurring words).
bool verb_like(const std::string& word, Lang lang) {
  const auto ends = [&](std::string_view suffix) {
    return word.size() > suffix.size() + 2 &&
           std::string_view(word).substr(word.size() - suffix.size()) == suffix;
  };
  if (lang == Lang::En) return ends("ed");
  for (const char* suffix : {"are", "ere", "ire", "ato", "ata", "ati", "ate", "ito", "ita", "iti",
                             "ite", "uto", "uta", "ando", "endo"}) {
    if (ends(suffix)) return true;
  }
  return false;
}

// The next group's term: the phrase or word shared by the most ungrouped comments, a phrase
// counting double (it says more than either of its words); ties go alphabetically.
std::pair<std::string, std::int64_t> best_term(const std::vector<Doc>& docs, Lang lang) {
  std::map<std::string, std::int64_t> df;
  std::set<std::string> phrases;
  for (const Doc& d : docs) {
    if (d.grouped) continue;
    for (const std::string& w : d.words) {
      if (!verb_like(w, lang)) ++df[w];
    }
    for (const std::string& p : d.phrases) {
      ++df[p];
      phrases.insert(p);
    }
  }
  std::string best;
  std::int64_t best_score = 0, best_df = 0;
  for (const auto& [term, n] : df) {
    const std::int64_t score = phrases.count(term) ? 2 * n : n;
    if (score > best_score) {
      best = term;
      best_score = score;
      best_df = n;
    }
  }
  return {best, best_df};
}

}  // namespace

std::vector<UncoveredComment> read_uncovered(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT r.lang, r.text FROM responses r WHERE trim(r.text) <> '' AND NOT "
                      "EXISTS (SELECT 1 FROM mentions m WHERE m.response_id = r.id) ORDER BY r.id");
  std::vector<UncoveredComment> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return out;
}

Discovery discover_themes(const std::vector<UncoveredComment>& comments, const Lexicons& lexicons,
                          const DiscoverOptions& options) {
  Discovery result;
  result.uncovered = static_cast<std::int64_t>(comments.size());
  std::map<std::string, std::vector<std::size_t>> by_lang;
  for (std::size_t i = 0; i < comments.size(); ++i) by_lang[comments[i].lang].push_back(i);
  std::vector<std::pair<std::string, std::vector<std::size_t>>> langs(by_lang.begin(),
                                                                      by_lang.end());
  std::stable_sort(langs.begin(), langs.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  std::set<std::string> ids;
  for (const Theme& t : lexicons.taxonomy.all()) ids.insert(t.id);
  for (const auto& [code, indexes] : langs) {
    const Lang lang_code = code == "it" ? Lang::It : Lang::En;
    std::vector<Doc> docs = read_docs(comments, indexes, lexicons.lang(lang_code));
    for (std::size_t n = 0; n < options.max_candidates; ++n) {
      const auto [term, df] = best_term(docs, lang_code);
      if (term.empty() || df < options.min_comments) break;
      CandidateTheme c;
      c.lang = code;
      c.term = term;
      const bool phrase = term.find(' ') != std::string::npos;
      std::map<std::string, std::int64_t> co;
      for (Doc& d : docs) {
        if (d.grouped || !(phrase ? d.phrases.count(term) : d.words.count(term))) continue;
        d.grouped = true;
        ++c.comments;
        if (c.examples.size() < options.examples) c.examples.push_back(comments[d.index].text);
        for (const std::string& w : d.words) {
          if (w != term && (" " + term + " ").find(" " + w + " ") == std::string::npos) ++co[w];
        }
      }
      for (const auto& [w, k] : co) {
        if (k >= 2) c.cowords.push_back({w, k});
      }
      std::stable_sort(
          c.cowords.begin(), c.cowords.end(),
          [](const TermCount& a, const TermCount& b) { return a.comments > b.comments; });
      if (c.cowords.size() > options.cowords) c.cowords.resize(options.cowords);
      c.theme_id = slug(term);
      while (!ids.insert(c.theme_id).second) c.theme_id += "_new";
      c.taxonomy_line = c.theme_id + "\t-\t" + capitalised(term) + "\t" + capitalised(term);
      c.pattern_line = c.theme_id + "\t" + term;
      result.grouped += c.comments;
      result.candidates.push_back(std::move(c));
    }
  }
  return result;
}

void print_discovery(const Discovery& d, std::ostream& out) {
  out << "Comments with no theme: " << d.uncovered << "; " << d.grouped << " of them in "
      << d.candidates.size() << " candidate themes\n";
  for (const CandidateTheme& c : d.candidates) {
    out << "\n[" << c.lang << "] \"" << c.term << "\": " << c.comments << " comments";
    if (!c.cowords.empty()) {
      out << "; with";
      for (std::size_t i = 0; i < c.cowords.size(); ++i) {
        out << (i ? ", " : " ") << c.cowords[i].term << " (" << c.cowords[i].comments << ")";
      }
    }
    out << "\n";
    for (const std::string& e : c.examples) {
      std::string one_line = e;
      std::replace(one_line.begin(), one_line.end(), '\n', ' ');
      out << "    - " << one_line << "\n";
    }
    out << "  lexicons/themes.tsv:         " << c.taxonomy_line << "\n"
        << "  lexicons/" << (c.lang == "it" ? "it" : "en") << "/themes.tsv:      " << c.pattern_line
        << "\n";
  }
}

}  // namespace ascolto

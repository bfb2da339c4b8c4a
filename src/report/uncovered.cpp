#include "report/uncovered.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <iomanip>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "text/tokenizer.h"

namespace ascolto {

bool content_word(const Token& t, const LanguageLexicon& lang) {
  if (t.kind != TokenKind::Word || t.norm.size() < 2) return false;
  if (t.norm.front() == '\'' || t.norm.back() == '\'') return false;  // "l'", "'s"
  if (lang.stopwords.count(t.norm) > 0) return false;
  const SentimentEntry* entry = lang.sentiment.word(t.norm);
  return (entry == nullptr || entry->kind == EntryKind::Connotation) &&
         lang.modifiers.word(t.norm) == nullptr;
}

namespace {

std::vector<TermCount> top_terms(const std::unordered_map<std::string, std::int64_t>& counts,
                                 std::size_t top, std::int64_t min_count) {
  std::vector<TermCount> out;
  for (const auto& [term, n] : counts) {
    if (n >= min_count) out.push_back({term, n});
  }
  std::sort(out.begin(), out.end(), [](const TermCount& a, const TermCount& b) {
    return a.comments != b.comments ? a.comments > b.comments : a.term < b.term;
  });
  if (out.size() > top) out.resize(top);
  return out;
}

struct LanguageCounts {
  std::int64_t comments = 0;
  std::unordered_map<std::string, std::int64_t> words, phrases;
};

// Pads to `width` columns counting code points, not bytes ("qualità" is 7 columns).
std::string pad_right(const std::string& s, std::size_t width) {
  std::size_t columns = 0;
  for (const char c : s) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return columns >= width ? s + " " : s + std::string(width - columns, ' ');
}

}  // namespace

UncoveredTerms find_uncovered(SQLite::Database& db, const Lexicons& lexicons, std::size_t top) {
  UncoveredTerms u;
  u.responses = db.execAndGet("SELECT count(*) FROM responses").getInt64();
  SQLite::Statement q(db,
                      "SELECT r.lang, r.text FROM responses r WHERE trim(r.text) <> '' AND NOT "
                      "EXISTS (SELECT 1 FROM mentions m WHERE m.response_id = r.id)");
  Tokenizer tokenizer;
  TokenizedText tokens;
  std::map<std::string, LanguageCounts> by_lang;
  std::unordered_set<std::string> seen_words, seen_phrases;
  while (q.executeStep()) {
    const std::string lang_code = q.getColumn(0).getString();
    const LanguageLexicon& lang = lexicons.lang(lang_code == "it" ? Lang::It : Lang::En);
    tokenizer.tokenize(q.getColumn(1).getString(), tokens);
    LanguageCounts& counts = by_lang[lang_code];
    ++counts.comments;
    ++u.uncovered;
    seen_words.clear();
    seen_phrases.clear();
    for (const Sentence& s : tokens.sentences) {
      for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
        const Token& t = tokens.tokens[i];
        if (!content_word(t, lang)) continue;
        if (seen_words.insert(t.norm).second) ++counts.words[t.norm];
        if (i + 1 < s.end_token && content_word(tokens.tokens[i + 1], lang)) {
          const std::string phrase = t.norm + " " + tokens.tokens[i + 1].norm;
          if (seen_phrases.insert(phrase).second) ++counts.phrases[phrase];
        }
      }
    }
  }
  for (auto& [code, counts] : by_lang) {
    u.languages.push_back({code, counts.comments, top_terms(counts.words, top, 1),
                           top_terms(counts.phrases, top, 2)});
  }
  std::stable_sort(u.languages.begin(), u.languages.end(),
                   [](const auto& a, const auto& b) { return a.comments > b.comments; });
  return u;
}

void print_uncovered(const UncoveredTerms& u, std::ostream& out) {
  const double pct =
      u.responses > 0 ? 100.0 * static_cast<double>(u.uncovered) / static_cast<double>(u.responses)
                      : 0.0;
  out << "Comments with no theme: " << u.uncovered << " of " << u.responses << " (" << std::fixed
      << std::setprecision(1) << pct << "%)\n";
  const auto cell = [](const std::vector<TermCount>& terms, std::size_t i) {
    if (i >= terms.size()) return pad_right("", 28) + "        ";
    const std::string n = std::to_string(terms[i].comments);
    return pad_right(terms[i].term, 28) + std::string(8 - std::min<std::size_t>(8, n.size()), ' ') +
           n;
  };
  for (const UncoveredLanguage& l : u.languages) {
    out << "\n[" << l.lang << "] " << l.comments << " comments\n";
    const std::size_t rows = std::max(l.words.size(), l.phrases.size());
    if (rows == 0) {
      out << "  (no content words)\n";
      continue;
    }
    out << "  " << pad_right("word", 28) << "comments    " << pad_right("phrase", 28)
        << "comments\n";
    for (std::size_t i = 0; i < rows; ++i) {
      out << "  " << cell(l.words, i) << "    " << cell(l.phrases, i) << "\n";
    }
  }
}

}  // namespace ascolto

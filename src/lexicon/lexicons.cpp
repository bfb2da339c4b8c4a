#include "lexicon/lexicons.h"

#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <unordered_set>

#include "ascolto_config.h"
#include "common/hash.h"
#include "lexicon/tsv.h"

namespace ascolto {
namespace {

namespace fs = std::filesystem;

// In a user's extra lexicon, `term<TAB>theme:ID` maps a term to a theme.
constexpr std::string_view kThemePrefix = "theme:";

// Why an RE2 theme rule can never match the normalized (lower-case, straight-apostrophe) text
// rules run on, or nullptr. Escapes (\S, \p{Lu}, ...) are skipped; (?i) makes case irrelevant.
const char* unmatchable(const std::string& pattern) {
  const bool ignore_case = pattern.find("(?i") != std::string::npos;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      if (i + 1 < pattern.size() && (pattern[i + 1] == 'p' || pattern[i + 1] == 'P') &&
          i + 2 < pattern.size() && pattern[i + 2] == '{') {
        i = pattern.find('}', i);
        if (i == std::string::npos) break;
      } else {
        ++i;
      }
      continue;
    }
    if (!ignore_case && c >= 'A' && c <= 'Z') return "it has an upper-case letter";
    if (pattern.compare(i, 3, "\u2019") == 0 || pattern.compare(i, 3, "\u2018") == 0)
      return "it has a typographic apostrophe (text is normalized to ')";
  }
  return nullptr;
}

// Why RE2 rule `re` matches the text of any sentence ("re:x*", "re:\\b", "re:."), or null. Words
// no pattern means (nonsense, of either language's letters) stand for "any word".
const char* matches_anything(const RE2& re) {
  if (RE2::PartialMatch("", re) || RE2::PartialMatch(" ", re)) return "matches the empty string";
  for (const char* nonsense : {"qzxw", "jjyvk", "wkqzj"}) {
    if (!RE2::PartialMatch(nonsense, re)) return nullptr;
  }
  return "matches any word";
}

// Italian written without its accents, as in quick online text: "perche", "piu", "tornero",
// "qualita". The entry's tokens with the final accented vowel of each word of three letters or
// more made plain ("più" -> "piu", "così così" -> "cosi cosi"); shorter words keep theirs, since
// "è", "né", "sì", "dà" without it are other words ("e", "ne", "si", "da"). Empty when nothing
// changes.
std::vector<std::string> unaccented(const std::vector<std::string>& toks) {
  static constexpr std::pair<std::string_view, char> accents[] = {
      {"à", 'a'}, {"è", 'e'}, {"é", 'e'}, {"ì", 'i'}, {"ò", 'o'}, {"ù", 'u'}};
  std::vector<std::string> out = toks;
  bool changed = false;
  for (std::string& w : out) {
    if (w.size() < 4) continue;  // two letters and a two-byte accented vowel
    for (const auto& [accented, plain] : accents) {
      if (w.size() > accented.size() && w.ends_with(accented)) {
        w.replace(w.size() - accented.size(), accented.size(), 1, plain);
        changed = true;
        break;
      }
    }
  }
  if (!changed) out.clear();
  return out;
}

struct Loader {
  Lexicons& lex;
  Tokenizer tokenizer;
  ContentHasher hasher;
  std::size_t budget;  // bytes of RE2 memory for each rule, and for each language's rule set
  std::vector<LexiconError>* errors;  // see LexiconOptions::errors
  // A user's theme mappings read with the current language's sentiment entries, and their file.
  std::vector<std::pair<TsvLine, std::uint16_t>> pending_themes = {};
  // Italian: every entry also stands for its spelling without final accents (`unaccented`).
  bool plain_accents = false;
  // The unaccented spellings added so far (tokens joined by spaces, '*' for a prefix): a later
  // file's entry replaces one as it replaces any entry of an earlier file.
  std::unordered_set<std::string> derived = {};

  static std::string key(const std::vector<std::string>& toks, bool prefix) {
    std::string k;
    for (const auto& t : toks) k += t + ' ';
    return k + (prefix ? "*" : "");
  }

  // Adds the unaccented spellings of `added` (tokens, prefix flag, payload) where no entry of
  // either table has those words already; one derived from an earlier file's entry is replaced.
  template <class Payload>
  void add_unaccented(
      TermMatcher<Payload>& table, LanguageLexicon& lang,
      const std::vector<std::tuple<std::vector<std::string>, bool, Payload>>& added) {
    for (const auto& [toks, prefix, payload] : added) {
      const auto plain = unaccented(toks);
      if (plain.empty()) continue;
      const std::string k = key(plain, prefix);
      bool inserted = false;
      if (lang.sentiment.find(plain, prefix) || lang.modifiers.find(plain, prefix)) {
        const Payload* have = table.find(plain, prefix);
        if (have && derived.count(k) && have->src.file != payload.src.file)
          table.add(plain, prefix, payload, &inserted) = payload;
        continue;
      }
      table.add(plain, prefix, payload, &inserted);
      derived.insert(k);
    }
  }

  EntrySource source(const TsvLine& line, std::uint16_t file) const {
    return {file, static_cast<std::uint32_t>(line.pos.line)};
  }

  std::uint16_t register_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    hasher.add(path.substr(path.find_last_of('/') + 1));
    hasher.add(bytes.str());
    lex.files.push_back(path);
    return static_cast<std::uint16_t>(lex.files.size() - 1);
  }

  // Tokens of an entry and whether it ends in `*`.
  std::vector<std::string> entry(const TsvLine& line, bool* prefix) {
    std::string term = line.fields[0];
    *prefix = term.size() > 1 && term.back() == '*';
    if (*prefix) term.pop_back();
    std::vector<std::string> toks = tokenizer.entry_tokens(term);
    if (toks.empty()) throw LexiconError(line.pos, "empty entry");
    return toks;
  }

  // `overrides`: entries replace earlier ones from other files (a pack's, a user's). `user`: a
  // user's extra lexicon, whose `term<TAB>theme:ID` lines wait in pending_themes for
  // extra_themes (theme patterns are loaded after the sentiment entries).
  void sentiment(const std::string& path, LanguageLexicon& lang, bool overrides = false,
                 bool user = false) {
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    std::vector<std::tuple<std::vector<std::string>, bool, SentimentEntry>> added;
    for_each_line(lines, errors, [&](const TsvLine& line) {
      if (user && line.fields.size() >= 2 && line.fields[1].rfind(kThemePrefix, 0) == 0) {
        pending_themes.emplace_back(line, file);
        return;
      }
      expect_fields(line, 2, 3,
                    user ? "term<TAB>valence[<TAB>interjection|connotation] or term<TAB>theme:ID"
                         : "term<TAB>valence[<TAB>interjection|connotation]");
      const float v = parse_number(line, 1, -4, 4, "valence");
      EntryKind kind = EntryKind::Opinion;
      if (line.fields.size() == 3) {
        if (line.fields[2] == "interjection") {
          kind = EntryKind::Interjection;
        } else if (line.fields[2] == "connotation") {
          kind = EntryKind::Connotation;
        } else {
          throw LexiconError(line.pos, "unknown flag '" + line.fields[2] +
                                           "'; expected interjection or connotation");
        }
      }
      bool prefix = false;
      const auto toks = entry(line, &prefix);
      bool inserted = false;
      const SentimentEntry fresh{v, source(line, file), kind};
      SentimentEntry& e = lang.sentiment.add(toks, prefix, fresh, &inserted);
      if (!inserted && overrides && e.src.file != file) {
        e = fresh;
      } else if (!inserted && (e.valence != v || e.kind != kind)) {
        throw LexiconError(line.pos, "'" + line.fields[0] + "' is already listed at " +
                                         lex.where(e.src) + " with a different valence or flag");
      }
      if (plain_accents) added.emplace_back(toks, prefix, fresh);
    });
    add_unaccented(lang.sentiment, lang, added);
  }

  void modifiers(const std::string& path, LanguageLexicon& lang) {
    static const std::unordered_map<std::string, ModifierKind> kinds = {
        {"negator", ModifierKind::Negator},   {"negation_booster", ModifierKind::NegationBooster},
        {"booster", ModifierKind::Booster},   {"dampener", ModifierKind::Dampener},
        {"contrast", ModifierKind::Contrast}, {"concessive", ModifierKind::Concessive},
        {"irrealis", ModifierKind::Irrealis}, {"neutral", ModifierKind::Neutral},
        {"excess", ModifierKind::Excess}};
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    std::vector<std::tuple<std::vector<std::string>, bool, ModifierEntry>> added;
    for_each_line(lines, errors, [&](const TsvLine& line) {
      expect_fields(line, 3, 3, "term<TAB>kind<TAB>weight");
      const auto kind = kinds.find(line.fields[1]);
      if (kind == kinds.end()) {
        throw LexiconError(line.pos,
                           "unknown modifier kind '" + line.fields[1] +
                               "'; expected negator, negation_booster, booster, "
                               "dampener, contrast, concessive, irrealis, neutral or excess");
      }
      const float w = parse_number(line, 2, 0, 2, "weight");
      bool prefix = false;
      const auto toks = entry(line, &prefix);
      // A modifier wins over an opinion entry of the same words, which would never be used;
      // intensifiers are the exception (they are opinion words when they intensify nothing).
      const SentimentEntry* same = lang.sentiment.find(toks, prefix);
      const ModifierKind k = kind->second;
      if (same && k != ModifierKind::Booster && k != ModifierKind::Dampener &&
          k != ModifierKind::Excess) {
        throw LexiconError(line.pos, "'" + line.fields[0] + "' is also an opinion entry at " +
                                         lex.where(same->src) +
                                         ", which this modifier would always shadow");
      }
      bool inserted = false;
      ModifierEntry& e =
          lang.modifiers.add(toks, prefix, {kind->second, w, source(line, file)}, &inserted);
      if (!inserted && (e.kind != kind->second || e.weight != w)) {
        throw LexiconError(line.pos, "'" + line.fields[0] + "' is already listed at " +
                                         lex.where(e.src) + " with another kind or weight");
      }
      if (plain_accents) added.emplace_back(toks, prefix, e);
    });
    add_unaccented(lang.modifiers, lang, added);
  }

  void emoji(const std::string& path) {
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    TokenizedText t;
    for_each_line(lines, errors, [&](const TsvLine& line) {
      expect_fields(line, 2, 2, "emoji<TAB>valence");
      const float v = parse_number(line, 1, -4, 4, "valence");
      tokenizer.tokenize(line.fields[0], t);
      if (t.tokens.size() != 1 ||
          (t.tokens[0].kind != TokenKind::Emoji && t.tokens[0].kind != TokenKind::Emoticon)) {
        throw LexiconError(line.pos,
                           "'" + line.fields[0] + "' is not read as one emoji or emoticon token");
      }
      const auto [it, fresh] =
          lex.emoji.try_emplace(t.tokens[0].norm, SentimentEntry{v, source(line, file)});
      if (!fresh && it->second.valence != v) {
        throw LexiconError(line.pos, "'" + line.fields[0] + "' is already listed at " +
                                         lex.where(it->second.src) + " with a different valence");
      }
    });
  }

  // `layer` 0 is the base lexicons; a pack's term replaces lower layers' mappings of that term.
  void themes(const std::string& path, std::uint8_t layer, LanguageLexicon& lang) {
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    for_each_line(lines, errors, [&](const TsvLine& line) {
      expect_fields(line, 2, 3, "theme_id<TAB>pattern[<TAB>context]");
      theme_pattern(line, file, layer, lang);
    });
  }

  // The `term<TAB>theme:ID` lines the user's extra lexicons held (pending_themes: brand and
  // product names), as theme patterns of the top `layer`: they replace any shipped or pack
  // mapping of the same term.
  void extra_themes(std::uint8_t layer, LanguageLexicon& lang) {
    for (const auto& pending : pending_themes) {
      const std::uint16_t file = pending.second;
      for_each_line({pending.first}, errors, [&](const TsvLine& l) {
        expect_fields(l, 2, 2, "term<TAB>theme:ID");
        TsvLine mapping = l;
        mapping.fields = {l.fields[1].substr(kThemePrefix.size()), l.fields[0]};
        theme_pattern(mapping, file, layer, lang);
      });
    }
    pending_themes.clear();
  }

  // One theme pattern: `line` holds theme_id, pattern[, context].
  void theme_pattern(const TsvLine& line, std::uint16_t file, std::uint8_t layer,
                     LanguageLexicon& lang) {
    const std::uint16_t theme = theme_id(line);
    const std::int32_t context = line.fields.size() == 3 ? theme_context(line, lang) : -1;
    const std::string& pattern = line.fields[1];
    if (pattern.rfind("re:", 0) == 0) {
      lang.rules.push_back({theme, source(line, file), checked_rule(line, pattern), context});
      return;
    }
    TsvLine term_line = line;
    term_line.fields = {pattern};
    bool prefix = false;
    const auto toks = entry(term_line, &prefix);
    bool inserted = false;
    ThemeHits& hits = lang.themes.add(toks, prefix, {}, &inserted);
    if (!hits.empty() && hits.front().layer < layer) {
      lang.overrides.push_back({pattern, source(line, file), hits.front().src});
      hits.clear();
    }
    for (const ThemeHit& h : hits) {
      if (h.theme == theme && h.context == context) continue;
      const Taxonomy& tax = lex.taxonomy;
      if (tax.at(h.theme).parent == tax.at(theme).id ||
          tax.at(theme).parent == tax.at(h.theme).id) {
        throw LexiconError(line.pos, "'" + pattern + "' is also listed at " + lex.where(h.src) +
                                         " for the parent or a subtheme of '" + line.fields[0] +
                                         "': the parent mapping would always be shadowed");
      }
    }
    const bool dup = std::any_of(hits.begin(), hits.end(), [&](const ThemeHit& h) {
      return h.theme == theme && h.context == context;
    });
    if (!dup) hits.push_back({theme, source(line, file), layer, context});
  }

  std::uint16_t theme_id(const TsvLine& line) const {
    const auto theme = lex.taxonomy.index_of(line.fields[0]);
    if (!theme) {
      throw LexiconError(line.pos, "unknown theme '" + line.fields[0] + "' (not in themes.tsv)");
    }
    return *theme;
  }

  // Parses `near:a|b* not_near:c window:N valence:X` into lang.contexts; returns its index.
  std::int32_t theme_context(const TsvLine& line, LanguageLexicon& lang) {
    ThemeContext ctx;
    std::istringstream in(line.fields[2]);
    std::string item;
    while (in >> item) {
      const auto colon = item.find(':');
      const std::string key = item.substr(0, colon == std::string::npos ? 0 : colon);
      const std::string value = colon == std::string::npos ? "" : item.substr(colon + 1);
      if (key == "window") {
        TsvLine number{{value}, line.pos};
        ctx.window = static_cast<std::uint32_t>(parse_number(number, 0, 1, 20, "window"));
      } else if (key == "valence") {
        TsvLine number{{value}, line.pos};
        ctx.valence = static_cast<float>(parse_number(number, 0, -4, 4, "valence"));
      } else if (key == "near" || key == "not_near") {
        auto& words = key == "near" ? ctx.near : ctx.not_near;
        std::istringstream list(value);
        std::string word;
        while (std::getline(list, word, '|')) {
          const bool prefix = word.size() > 1 && word.back() == '*';
          const auto toks = tokenizer.entry_tokens(prefix ? word.substr(0, word.size() - 1) : word);
          if (toks.size() != 1) {
            throw LexiconError(line.pos, "context word '" + word + "' must be a single word");
          }
          words.push_back(toks.front() + (prefix ? "*" : ""));
        }
        if (words.empty()) throw LexiconError(line.pos, "'" + key + ":' lists no word");
      } else {
        throw LexiconError(line.pos,
                           "unknown context condition '" + item +
                               "'; expected near:w1|w2, not_near:w1|w2, window:N or valence:X");
      }
    }
    lang.contexts.push_back(std::move(ctx));
    return static_cast<std::int32_t>(lang.contexts.size() - 1);
  }

  void examples(const std::string& path, LanguageLexicon& lang) {
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    for_each_line(lines, errors, [&](const TsvLine& line) {
      expect_fields(line, 3, 3, "theme_id<TAB>+ or -<TAB>sentence");
      if (line.fields[1] != "+" && line.fields[1] != "-") {
        throw LexiconError(line.pos, "expected '+' (must match) or '-' (must not match), got '" +
                                         line.fields[1] + "'");
      }
      lang.examples.push_back(
          {theme_id(line), line.fields[1] == "+", line.fields[2], source(line, file)});
    });
  }

  // Compiles one language's theme rules, then its signal rules, into one set within `budget`
  // bytes; `what` names the language's directory in errors.
  std::unique_ptr<RE2::Set> compile_rule_set(const LanguageLexicon& lang, const std::string& what) {
    if (lang.rules.empty() && lang.signal_rules.empty()) return nullptr;
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(static_cast<int64_t>(budget));
    auto set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    // The largest rule, named when the set is over the budget: the one to simplify first.
    const RE2* biggest = nullptr;
    EntrySource biggest_src;
    const auto add = [&](const auto& rule) {
      std::string error;
      if (set->Add(rule.regex->pattern(), &error) < 0) {
        throw LexiconError({lex.files[rule.src.file], rule.src.line, 0},
                           "invalid RE2 rule: " + error);
      }
      if (!biggest || biggest->ProgramSize() < rule.regex->ProgramSize()) {
        biggest = rule.regex.get();
        biggest_src = rule.src;
      }
    };
    for (const ThemeRule& rule : lang.rules) add(rule);
    for (const SignalRule& rule : lang.signal_rules) add(rule);
    if (!set->Compile()) {
      throw LexiconError({lex.files[biggest_src.file], biggest_src.line, 0},
                         "the rules of " + what + " exceed the RE2 memory budget of " +
                             std::to_string(budget >> 20) +
                             " MiB; the largest rule is this one (program size " +
                             std::to_string(biggest->ProgramSize()) + ")");
    }
    return set;
  }

  void signals(const std::string& path, LanguageLexicon& lang) {
    static const std::unordered_map<std::string, SignalKind> kinds = {
        {"churn", SignalKind::Churn},
        {"stay", SignalKind::Stay},
        {"repeat_contact", SignalKind::RepeatContact},
        {"recommend", SignalKind::Recommend},
        {"discourage", SignalKind::Discourage},
        {"suggestion", SignalKind::Suggestion}};
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    for_each_line(lines, errors, [&](const TsvLine& line) {
      expect_fields(line, 2, 2, "kind<TAB>pattern");
      const auto kind = kinds.find(line.fields[0]);
      if (kind == kinds.end()) {
        throw LexiconError(line.pos, "unknown signal kind '" + line.fields[0] +
                                         "'; expected churn, stay, repeat_contact, recommend, "
                                         "discourage or suggestion");
      }
      const std::string& pattern = line.fields[1];
      if (pattern.rfind("re:", 0) == 0) {
        lang.signal_rules.push_back(
            {kind->second, source(line, file), checked_rule(line, pattern)});
        return;
      }
      TsvLine term_line = line;
      term_line.fields = {pattern};
      bool prefix = false;
      bool inserted = false;
      const auto toks = entry(term_line, &prefix);
      SignalHits& hits = lang.signals.add(toks, prefix, {}, &inserted);
      if (!inserted) {
        throw LexiconError(line.pos,
                           "'" + pattern + "' is already listed at " + lex.where(hits.front().src));
      }
      hits.push_back({kind->second, source(line, file)});
    });
  }

  // An RE2 rule of a lexicon line, refused with file:line when invalid or unmatchable.
  std::unique_ptr<RE2> checked_rule(const TsvLine& line, const std::string& pattern) {
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(static_cast<int64_t>(budget));
    auto re = std::make_unique<RE2>(pattern.substr(3), opts);
    if (re->error_code() == RE2::ErrorPatternTooLarge) {
      throw LexiconError(line.pos, "RE2 rule too large for the memory budget of " +
                                       std::to_string(budget >> 20) + " MiB");
    }
    if (!re->ok()) throw LexiconError(line.pos, "invalid RE2 rule: " + re->error());
    if (const char* why = unmatchable(pattern.substr(3))) {
      throw LexiconError(line.pos, std::string("this rule can never match: ") + why);
    }
    if (const char* why = matches_anything(*re)) {
      throw LexiconError(line.pos,
                         std::string("this rule ") + why + ": it would tag every sentence");
    }
    return re;
  }

  void stopwords(const std::string& path, LanguageLexicon& lang) {
    const auto lines = read_tsv(path);
    register_file(path);
    for_each_line(lines, errors, [&](const TsvLine& line) {
      const auto toks = tokenizer.entry_tokens(line.fields[0]);
      if (toks.size() != 1) throw LexiconError(line.pos, "a stopword must be a single word");
      lang.stopwords.insert(toks.front());
    });
  }
};

bool known_word(const LanguageLexicon& lang, std::string_view w) {
  return lang.stopwords.count(w) > 0 || lang.sentiment.word(w) != nullptr;
}

// Stopwords weigh 1; opinion words weigh 0.5 when the other language does not know them, so
// that short comments without function words ("Ottimo!", "Awful service") still get a language.
LanguageDetector::Vocabulary vocabulary(const LanguageLexicon& lang, const LanguageLexicon& other) {
  LanguageDetector::Vocabulary v;
  for (const auto& w : lang.stopwords) {
    if (!other.stopwords.count(w)) v.emplace(w, 1.0f);
  }
  lang.sentiment.for_each_word([&](const std::string& w, const SentimentEntry&) {
    if (!known_word(other, w)) v.emplace(w, 0.5f);
  });
  return v;
}

}  // namespace

const char* modifier_kind_name(ModifierKind kind) {
  switch (kind) {
    case ModifierKind::Negator:
      return "negator";
    case ModifierKind::NegationBooster:
      return "negation_booster";
    case ModifierKind::Booster:
      return "booster";
    case ModifierKind::Dampener:
      return "dampener";
    case ModifierKind::Contrast:
      return "contrast";
    case ModifierKind::Concessive:
      return "concessive";
    case ModifierKind::Irrealis:
      return "irrealis";
    case ModifierKind::Neutral:
      return "neutral";
    case ModifierKind::Excess:
      return "excess";
  }
  return "";
}

const char* signal_kind_name(SignalKind kind) {
  switch (kind) {
    case SignalKind::Churn:
      return "churn";
    case SignalKind::Stay:
      return "stay";
    case SignalKind::RepeatContact:
      return "repeat_contact";
    case SignalKind::Recommend:
      return "recommend";
    case SignalKind::Discourage:
      return "discourage";
    case SignalKind::Suggestion:
      return "suggestion";
  }
  return "";
}

std::string Lexicons::where(EntrySource src) const {
  return (src.file < files.size() ? files[src.file] : std::string("?")) + ":" +
         std::to_string(src.line);
}

std::unique_ptr<Lexicons> load_lexicons(const LexiconOptions& options) {
  const fs::path dir(options.dir);
  if (!fs::is_directory(dir)) {
    throw LexiconError({options.dir, 0, 0}, "lexicon directory not found");
  }
  auto lex = std::make_unique<Lexicons>();
  Loader loader{*lex, {}, {}, options.rule_memory_budget, options.errors};
  std::vector<fs::path> theme_dirs{dir};  // index = layer
  for (const auto& pack : options.packs) {
    const fs::path p = dir / "packs" / pack;
    if (!fs::is_directory(p)) throw LexiconError({p.string(), 0, 0}, "unknown pack '" + pack + "'");
    theme_dirs.push_back(p);
  }
  for (const auto& d : theme_dirs) {
    if (fs::exists(d / "themes.tsv")) {
      lex->taxonomy.load((d / "themes.tsv").string(), options.errors);
      loader.register_file((d / "themes.tsv").string());
    }
  }
  loader.emoji((dir / "emoji.tsv").string());
  for (const auto& [code, lang] :
       {std::pair<const char*, LanguageLexicon*>{"it", &lex->it}, {"en", &lex->en}}) {
    const fs::path ld = dir / code;
    loader.plain_accents = lang == &lex->it;
    loader.sentiment((ld / "sentiment.tsv").string(), *lang);
    loader.modifiers((ld / "modifiers.tsv").string(), *lang);
    loader.stopwords((ld / "stopwords.txt").string(), *lang);
    // Domain valences of the packs ("huge portions" in a restaurant), then the user's own
    // entries: each overrides what came before.
    for (std::size_t layer = 1; layer < theme_dirs.size(); ++layer) {
      const fs::path domain = theme_dirs[layer] / code / "sentiment.tsv";
      if (fs::exists(domain)) loader.sentiment(domain.string(), *lang, true);
    }
    for (const auto& extra : options.extra_sentiment) loader.sentiment(extra, *lang, true, true);
    for (std::size_t layer = 0; layer < theme_dirs.size(); ++layer) {
      const fs::path d = theme_dirs[layer] / code;
      if (fs::exists(d / "themes.tsv")) {
        loader.themes((d / "themes.tsv").string(), static_cast<std::uint8_t>(layer), *lang);
      }
      if (fs::exists(d / "theme_examples.tsv"))
        loader.examples((d / "theme_examples.tsv").string(), *lang);
    }
    const auto top = static_cast<std::uint8_t>(theme_dirs.size());
    loader.extra_themes(top, *lang);
    if (fs::exists(ld / "signals.tsv")) loader.signals((ld / "signals.tsv").string(), *lang);
    lang->rule_set = loader.compile_rule_set(*lang, ld.string());
  }
  lex->detector = LanguageDetector(vocabulary(lex->it, lex->en), vocabulary(lex->en, lex->it));
  lex->fingerprint = loader.hasher.hex();
  return lex;
}

std::string default_lexicon_dir(const std::string& argv0) {
  std::error_code ec;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  const fs::path base = ec ? fs::path(argv0).parent_path() : exe.parent_path();
  const fs::path installed = base / ".." / "share" / "ascolto" / "lexicons";
  if (fs::is_directory(installed)) return installed.lexically_normal().string();
  if (fs::is_directory(ASCOLTO_SOURCE_LEXICONS)) return ASCOLTO_SOURCE_LEXICONS;
  return ASCOLTO_INSTALLED_LEXICONS;
}

}  // namespace ascolto

#include "lexicon/lexicons.h"

#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ascolto_config.h"
#include "common/hash.h"
#include "lexicon/tsv.h"

namespace ascolto {
namespace {

namespace fs = std::filesystem;

struct Loader {
  Lexicons& lex;
  Tokenizer tokenizer;
  ContentHasher hasher;

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

  // `overrides`: entries replace earlier ones from other files (a user's extra lexicon).
  void sentiment(const std::string& path, LanguageLexicon& lang, bool overrides = false) {
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    for (const TsvLine& line : lines) {
      expect_fields(line, 2, 2, "term<TAB>valence");
      const float v = parse_number(line, 1, -4, 4, "valence");
      bool prefix = false;
      const auto toks = entry(line, &prefix);
      bool inserted = false;
      SentimentEntry& e = lang.sentiment.add(toks, prefix, {v, source(line, file)}, &inserted);
      if (!inserted && overrides && e.src.file != file) {
        e = {v, source(line, file)};
      } else if (!inserted && e.valence != v) {
        throw LexiconError(line.pos, "'" + line.fields[0] + "' is already listed at " +
                                         lex.where(e.src) + " with a different valence");
      }
    }
  }

  void modifiers(const std::string& path, LanguageLexicon& lang) {
    static const std::unordered_map<std::string, ModifierKind> kinds = {
        {"negator", ModifierKind::Negator},   {"negation_booster", ModifierKind::NegationBooster},
        {"booster", ModifierKind::Booster},   {"dampener", ModifierKind::Dampener},
        {"contrast", ModifierKind::Contrast}, {"concessive", ModifierKind::Concessive},
        {"irrealis", ModifierKind::Irrealis}, {"neutral", ModifierKind::Neutral}};
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    for (const TsvLine& line : lines) {
      expect_fields(line, 3, 3, "term<TAB>kind<TAB>weight");
      const auto kind = kinds.find(line.fields[1]);
      if (kind == kinds.end()) {
        throw LexiconError(line.pos, "unknown modifier kind '" + line.fields[1] +
                                         "'; expected negator, negation_booster, booster, "
                                         "dampener, contrast, concessive, irrealis or neutral");
      }
      const float w = parse_number(line, 2, 0, 2, "weight");
      bool prefix = false;
      const auto toks = entry(line, &prefix);
      bool inserted = false;
      ModifierEntry& e =
          lang.modifiers.add(toks, prefix, {kind->second, w, source(line, file)}, &inserted);
      if (!inserted && (e.kind != kind->second || e.weight != w)) {
        throw LexiconError(line.pos, "'" + line.fields[0] + "' is already listed at " +
                                         lex.where(e.src) + " with another kind or weight");
      }
    }
  }

  void emoji(const std::string& path) {
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    TokenizedText t;
    for (const TsvLine& line : lines) {
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
    }
  }

  void themes(const std::string& path, LanguageLexicon& lang,
              std::vector<std::string>& rule_patterns, std::size_t budget) {
    const auto lines = read_tsv(path);
    const std::uint16_t file = register_file(path);
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(static_cast<int64_t>(budget));
    for (const TsvLine& line : lines) {
      expect_fields(line, 2, 2, "theme_id<TAB>pattern");
      const auto theme = lex.taxonomy.index_of(line.fields[0]);
      if (!theme) {
        throw LexiconError(line.pos, "unknown theme '" + line.fields[0] + "' (not in themes.tsv)");
      }
      const std::string& pattern = line.fields[1];
      if (pattern.rfind("re:", 0) == 0) {
        auto re = std::make_unique<RE2>(pattern.substr(3), opts);
        if (re->error_code() == RE2::ErrorPatternTooLarge) {
          throw LexiconError(line.pos, "RE2 rule too large for the memory budget of " +
                                           std::to_string(budget >> 20) + " MiB");
        }
        if (!re->ok()) {
          throw LexiconError(line.pos, "invalid RE2 rule: " + re->error());
        }
        rule_patterns.push_back(pattern.substr(3));
        lang.rules.push_back({*theme, source(line, file), std::move(re)});
        continue;
      }
      TsvLine term_line = line;
      term_line.fields = {pattern};
      bool prefix = false;
      const auto toks = entry(term_line, &prefix);
      bool inserted = false;
      ThemeHits& hits = lang.themes.add(toks, prefix, {}, &inserted);
      const bool dup = std::any_of(hits.begin(), hits.end(),
                                   [&](const ThemeHit& h) { return h.theme == *theme; });
      if (!dup) hits.push_back({*theme, source(line, file)});
    }
  }

  void compile_rules(LanguageLexicon& lang, const std::vector<std::string>& patterns,
                     std::size_t budget, const char* code) {
    if (patterns.empty()) return;
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(static_cast<int64_t>(budget));
    lang.rule_set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      std::string error;
      if (lang.rule_set->Add(patterns[i], &error) < 0) {
        throw LexiconError({lex.files[lang.rules[i].src.file], lang.rules[i].src.line, 0},
                           "invalid RE2 rule: " + error);
      }
    }
    if (!lang.rule_set->Compile()) {
      // Point at the biggest rule: the one to simplify first.
      const auto biggest = std::max_element(
          lang.rules.begin(), lang.rules.end(), [](const ThemeRule& a, const ThemeRule& b) {
            return a.regex->ProgramSize() < b.regex->ProgramSize();
          });
      throw LexiconError(
          {lex.files[biggest->src.file], biggest->src.line, 0},
          std::string("the ") + code + " theme rules exceed the RE2 memory budget of " +
              std::to_string(budget >> 20) + " MiB; the largest rule is this one (program size " +
              std::to_string(biggest->regex->ProgramSize()) + ")");
    }
  }

  void stopwords(const std::string& path, LanguageLexicon& lang) {
    const auto lines = read_tsv(path);
    register_file(path);
    for (const TsvLine& line : lines) {
      const auto toks = tokenizer.entry_tokens(line.fields[0]);
      if (toks.size() != 1) throw LexiconError(line.pos, "a stopword must be a single word");
      lang.stopwords.insert(toks.front());
    }
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
  Loader loader{*lex, {}, {}};
  std::vector<fs::path> theme_dirs{dir};
  for (const auto& pack : options.packs) {
    const fs::path p = dir / "packs" / pack;
    if (!fs::is_directory(p)) throw LexiconError({p.string(), 0, 0}, "unknown pack '" + pack + "'");
    theme_dirs.push_back(p);
  }
  for (const auto& d : theme_dirs) {
    if (fs::exists(d / "themes.tsv")) {
      lex->taxonomy.load((d / "themes.tsv").string());
      loader.register_file((d / "themes.tsv").string());
    }
  }
  loader.emoji((dir / "emoji.tsv").string());
  for (const auto& [code, lang] :
       {std::pair<const char*, LanguageLexicon*>{"it", &lex->it}, {"en", &lex->en}}) {
    const fs::path ld = dir / code;
    loader.sentiment((ld / "sentiment.tsv").string(), *lang);
    loader.modifiers((ld / "modifiers.tsv").string(), *lang);
    loader.stopwords((ld / "stopwords.txt").string(), *lang);
    for (const auto& extra : options.extra_sentiment) loader.sentiment(extra, *lang, true);
    std::vector<std::string> patterns;
    for (const auto& d : theme_dirs) {
      if (fs::exists(d / code / "themes.tsv"))
        loader.themes((d / code / "themes.tsv").string(), *lang, patterns,
                      options.rule_memory_budget);
    }
    loader.compile_rules(*lang, patterns, options.rule_memory_budget, code);
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

// Everything the analysis reads, loaded once from a lexicon directory and then shared read-only
// by all threads: per language the sentiment entries, modifiers, theme patterns (terms, phrases,
// prefixes, RE2 rules), signal phrases and rules (the RE2 rules of both compiled into one
// RE2::Set) and stopwords; the emoji valences; the taxonomy; and the language detector built from
// the vocabularies. Every entry remembers its file:line, so `explain` can cite it and errors can
// point at it.
//
//   auto lex = load_lexicons({.dir = "lexicons"});
//   lex->lang(Lang::It).sentiment.word("ottimo")->valence == 3.0f
#pragma once

#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/taxonomy.h"
#include "lexicon/term_matcher.h"
#include "text/language.h"
#include "text/tokenizer.h"

namespace re2 {
class RE2;
}

namespace ascolto {

struct EntrySource {
  std::uint16_t file = 0;  // index into Lexicons::files
  std::uint32_t line = 0;
};

// What a sentiment entry is, from its optional third column.
enum class EntryKind : std::uint8_t {
  Opinion,       // "ottimo", "rude": what the writer thinks of something
  Interjection,  // "lol", "uffa": the writer's own feeling, like an emoji; never negated or asked
  Connotation,   // "vacation", "ingorgo": a topic most people find pleasant or not; still a topic
};

struct SentimentEntry {
  float valence = 0;
  EntrySource src;
  EntryKind kind = EntryKind::Opinion;
};

enum class ModifierKind {
  Negator,
  NegationBooster,
  Booster,
  Dampener,
  Contrast,
  Concessive,
  Irrealis,
  Neutral,
  Excess  // "too", "troppo": a booster before an opinion word, a complaint before any other word
};
const char* modifier_kind_name(ModifierKind kind);

struct ModifierEntry {
  ModifierKind kind = ModifierKind::Neutral;
  float weight = 0;
  EntrySource src;
};

// Words a theme pattern needs, or must not have, around its match (the optional third column
// of themes.tsv: `near:charge|fee* not_near:customer window:3`). Words are lookup forms; a
// trailing '*' makes a prefix.
struct ThemeContext {
  std::vector<std::string> near;      // at least one within the window, when not empty
  std::vector<std::string> not_near;  // none within the window
  std::uint32_t window = 3;           // tokens on each side of the match, same sentence
  float valence = 0;  // `valence:X`: the opinion the match states by itself ("took 40 minutes to"),
                      // for a mention whose clause has no opinion word; 0 = none
};

struct ThemeHit {
  std::uint16_t theme = 0;
  EntrySource src;
  std::uint8_t layer = 0;     // 0 = base lexicons, 1.. = the packs in the order given
  std::int32_t context = -1;  // index into LanguageLexicon::contexts, -1 = none
};
using ThemeHits = std::vector<ThemeHit>;

struct ThemeRule {
  std::uint16_t theme = 0;
  EntrySource src;
  std::unique_ptr<re2::RE2> regex;
  std::int32_t context = -1;
};

// A sentence of theme_examples.tsv: it must (or must not) be tagged with `theme` or a subtheme.
struct ThemeExample {
  std::uint16_t theme = 0;
  bool must_match = true;
  std::string text;
  EntrySource src;
};

// A pack term that replaced the base lexicons' mapping of the same term (reported by
// `lexicon check`, so a user sees what a pack shadows).
struct PatternOverride {
  std::string term;
  EntrySource pack, base;
};

// What a phrase of signals.tsv says about the customer. `Stay` ("tornerò", "will buy again")
// becomes churn intent when negated; `Recommend` becomes a refusal when negated.
enum class SignalKind : std::uint8_t {
  Churn,
  Stay,
  RepeatContact,
  Recommend,
  Discourage,
  Suggestion
};
const char* signal_kind_name(SignalKind kind);

struct SignalHit {
  SignalKind kind = SignalKind::Churn;
  EntrySource src;
};
using SignalHits = std::vector<SignalHit>;

struct SignalRule {
  SignalKind kind = SignalKind::Churn;
  EntrySource src;
  std::unique_ptr<re2::RE2> regex;
};

struct LanguageLexicon {
  TermMatcher<SentimentEntry> sentiment;
  TermMatcher<ModifierEntry> modifiers;
  TermMatcher<ThemeHits> themes;
  std::vector<ThemeRule> rules;  // rule_set's first indices, in order
  std::vector<ThemeContext> contexts;
  std::vector<ThemeExample> examples;
  std::vector<PatternOverride> overrides;
  TermMatcher<SignalHits> signals;
  std::vector<SignalRule> signal_rules;  // rule_set's indices after the theme rules, in order
  // The theme rules, then the signal rules, in one set: a sentence takes one pass for both.
  // Null when the language has neither.
  std::unique_ptr<re2::RE2::Set> rule_set;
  std::unordered_set<std::string, StringHash, std::equal_to<>> stopwords;
};

struct Lexicons {
  LanguageLexicon it, en;
  std::unordered_map<std::string, SentimentEntry, StringHash, std::equal_to<>> emoji;
  Taxonomy taxonomy;
  LanguageDetector detector;
  std::vector<std::string> files;  // every file loaded, indexed by EntrySource::file
  std::string fingerprint;         // hash of all loaded files: changes when any entry does

  const LanguageLexicon& lang(Lang l) const { return l == Lang::It ? it : en; }
  std::string where(EntrySource src) const;
};

struct LexiconOptions {
  std::string dir;                            // holds themes.tsv, emoji.tsv, it/, en/, packs/
  std::vector<std::string> packs;             // domain packs under <dir>/packs/<name>
  std::size_t rule_memory_budget = 64 << 20;  // bytes for each language's RE2::Set
  std::vector<std::string> extra_sentiment;   // user files of term<TAB>valence or
                                              // term<TAB>theme:ID, both languages; their entries
                                              // override the shipped and the packs' ones
  // Null: the first invalid line throws. Set (by `lexicon check`): each invalid line's error is
  // kept here, the line is skipped, and loading goes on; the result is then only fit for listing.
  std::vector<LexiconError>* errors = nullptr;
};

// Throws LexiconError (file:line) on any invalid entry.
std::unique_ptr<Lexicons> load_lexicons(const LexiconOptions& options);

// Where the shipped lexicons are: next to an installed binary (<prefix>/share/ascolto/lexicons),
// else the source tree the binary was built from.
std::string default_lexicon_dir(const std::string& argv0);

}  // namespace ascolto

// Rule-based, clause-aware sentiment for one tokenized comment (VADER's ideas, bilingual):
// lexicon valences (longest match: phrases before words, modifiers before words they share a
// length with), negation scope (3 tokens after the last negator, never past the clause; chained
// negators "non ... mai" are one negation; negation boosters "per niente" / "at all" strengthen
// it; a negator with nothing to negate states a lack: "no hot water"), boosters and dampeners,
// contrast ("ma", "but": what follows weighs more) and concessive clauses ("nonostante",
// "although": the clause weighs less), irrealis and questions (not praise), ALL CAPS, elongation,
// exclamation marks, emoji (never negated). Pure and thread-safe.
//
//   SentimentScorer s(lexicons);
//   SentimentResult r = s.score(tokens, Lang::It, nullptr);   // r.compound in [-1, 1]
//   s.score(tokens, Lang::It, nullptr, result, scratch);       // reusing buffers, per thread
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

enum class SentimentLabel { Positive, Negative, Neutral, Mixed };
const char* label_name(SentimentLabel label);

struct Clause {
  std::uint32_t sentence = 0;
  std::uint32_t first_token = 0, end_token = 0;
  std::uint32_t segment = 0;  // clauses between contrast words / sentence ends share a segment
  double raw = 0;             // sum of the clause's adjusted valences
  double weight = 1;          // contrast / concessive weighting of the clause
  int entries = 0;            // sentiment-bearing entries found in it
  bool conceded = false;      // before a contrast word ("nice, but ..."), or concessive
};

// One scored entry of a clause: its tokens and its valence after the clause's modifiers
// (negation, boosters, irrealis, ...), before the clause's contrast weight.
struct Opinion {
  std::uint32_t first_token = 0, end_token = 0;
  double value = 0;
  bool fact = false;  // a narrative a rule found ("took 7 weeks"), not a lexicon opinion
};

struct SentimentResult {
  double compound = 0;
  SentimentLabel label = SentimentLabel::Neutral;
  std::vector<Clause> clauses;
  std::vector<Opinion> opinions;  // in token order
  int entries = 0;
};

// A narrative a rule finds where the lexicon has no entry, stated as a fact
// (sentiment_narratives.h).
enum class Fact : std::uint8_t {
  None,
  Cost,     // in time or effort: "took 7 weeks", "called 5 times", "hours on the phone"
  Failure,  // a process that failed: "they cancelled my order", "l'ordine è stato annullato"
  Duty,     // a duty not fulfilled: "you should provide", "dovrebbero fornire"
  Promise,  // a promise reported, so not kept: "I was told it would be", "doveva essere"
  Price,    // a price as a complaint: "over £90", "£50 for a router?"
};

// An opinion entry of a sentence being scored: its tokens, its lexicon valence, its kind.
struct SentimentItem {
  std::uint32_t first = 0, end = 0;  // token range
  double valence = 0;
  bool emoji = false;         // no rule applies to it
  bool interjection = false;  // "lol", "uffa": only CAPS and elongation apply to it
  bool superlative = false;
  bool free_of = false;    // a negative word and "free": "guilt-free"
  Fact fact = Fact::None;  // a rule's, no lexicon entry
  EntrySource src;
};

// A modifier (negator, booster, contrast...) of a sentence being scored.
struct SentimentModifier {
  std::uint32_t first = 0, end = 0;
  const ModifierEntry* entry = nullptr;
};

// The scorer's working buffers, one sentence at a time. Owned by the caller (one per Analyzer, so
// one per thread), reused from one comment to the next: no allocation once they are large enough.
struct SentimentScratch {
  std::vector<SentimentItem> items;         // the sentence's opinion entries, in token order
  std::vector<SentimentModifier> mods;      // its modifiers, in token order
  std::vector<bool> in_modifier;            // per token of the sentence: inside a modifier
  std::vector<Clause> clauses;              // its clauses
  std::vector<bool> negation_used;          // per clause: a negator took an opinion word
  std::vector<double> negation_boost;       // per clause: its strongest negation booster ("at all")
  std::vector<std::uint32_t> plain_before;  // per token: the non-modifier tokens before it
};

// One line of the explanation `ascolto explain` prints.
struct TraceStep {
  std::string subject;  // the text it is about ("ottimo", "non ... buono", "sentence 1")
  std::string action;   // what was matched or applied
  std::string source;   // lexicon file:line, or the rule's name
  double value = 0;     // the valence after this step
};

// "and", "&" / "e", "ed": the word that joins two statements in a clause. It closes a negation
// ("not pretentious and very cheap") and splits a clause between theme mentions.
bool joins_statements(std::string_view word, Lang lang);

// Squashes a raw valence sum into [-1, 1] as VADER does (alpha = 15).
double squash(double raw);

class SentimentScorer {
 public:
  explicit SentimentScorer(const Lexicons& lexicons) : lex_(lexicons) {}
  // Scores `text` into `result`, whose buffers are reused, with `scratch`'s buffers: no
  // allocation once they are large enough. `trace`, when not null, receives the explanation.
  void score(const TokenizedText& text, Lang lang, std::vector<TraceStep>* trace,
             SentimentResult& result, SentimentScratch& scratch) const;
  // The same with buffers of its own (tests, tools).
  SentimentResult score(const TokenizedText& text, Lang lang, std::vector<TraceStep>* trace) const;

 private:
  const Lexicons& lex_;
};

}  // namespace ascolto

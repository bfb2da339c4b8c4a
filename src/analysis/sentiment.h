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
};

// One scored entry of a clause: its tokens and its valence after the clause's modifiers
// (negation, boosters, irrealis, ...), before the clause's contrast weight.
struct Opinion {
  std::uint32_t first_token = 0, end_token = 0;
  double value = 0;
};

struct SentimentResult {
  double compound = 0;
  SentimentLabel label = SentimentLabel::Neutral;
  std::vector<Clause> clauses;
  std::vector<Opinion> opinions;  // in token order
  int entries = 0;
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
  SentimentResult score(const TokenizedText& text, Lang lang, std::vector<TraceStep>* trace) const {
    SentimentResult result;
    score(text, lang, trace, result);
    return result;
  }
  // The same into `result`, whose buffers are reused: no allocation once they are large enough.
  void score(const TokenizedText& text, Lang lang, std::vector<TraceStep>* trace,
             SentimentResult& result) const;

 private:
  const Lexicons& lex_;
};

}  // namespace ascolto

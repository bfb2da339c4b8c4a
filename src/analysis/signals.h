// Defection and effort signals of a comment, and the intent of each sentence, from the phrases
// and RE2 rules of lexicons/<lang>/signals.tsv:
// - churn intent: a `churn` phrase ("disdico", "switching to"), or a negated `stay` phrase
//   ("non tornerò", "will not buy again"); a negated `churn` phrase ("non disdico") is not one;
// - repeat contact: "ho chiamato tre volte", "third time I call";
// - recommendation: `recommend` ("lo consiglio") or its refusal (a negated `recommend`, or
//   `discourage`: "sconsiglio", "stay away"); a refusal anywhere wins;
// - intent per sentence: a `suggestion` phrase ("sarebbe utile", "please add") makes it a
//   suggestion; else a question mark a question (unless clearly negative: "why does nobody
//   answer?!" is a complaint); else praise / complaint / neutral by the sentence's sentiment.
// A phrase is negated by a negator of the modifiers among the three tokens before it, in its
// clause. Pure and thread-safe.
//
//   SignalDetector d(lexicons);
//   auto spans = d.detect(tokens, sentence_texts, Lang::It);
//   Signals s = summarize(spans);
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/sentence_text.h"
#include "analysis/sentiment.h"
#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

enum class Intent : std::uint8_t { Neutral, Praise, Complaint, Suggestion, Question };
const char* intent_name(Intent intent);

enum class Recommendation : std::uint8_t { None, Recommends, Refuses };
// nullptr for Recommendation::None.
const char* recommendation_name(Recommendation r);

struct Signals {
  bool churn_intent = false;
  bool repeat_contact = false;
  Recommendation recommendation = Recommendation::None;
};

struct SignalSpan {
  SignalKind kind = SignalKind::Churn;
  std::uint32_t sentence = 0;
  std::uint32_t first_token = 0, end_token = 0;
  bool negated = false;
  EntrySource src;
};

class SignalDetector {
 public:
  explicit SignalDetector(const Lexicons& lexicons) : lex_(lexicons) {}
  // `sentence_texts` holds the SentenceText of each sentence (build_sentence_texts); it is read
  // only when the language has RE2 rules (a rule_set).
  std::vector<SignalSpan> detect(const TokenizedText& text,
                                 const std::vector<SentenceText>& sentence_texts, Lang lang) const;

 private:
  const Lexicons& lex_;
};

Signals summarize(const std::vector<SignalSpan>& spans);

// One intent per sentence of `text`.
std::vector<Intent> sentence_intents(const TokenizedText& text, const SentimentResult& sentiment,
                                     const std::vector<SignalSpan>& spans);

// The intent of one theme mention: its sentence's, except that in a sentence of opinions
// (praise, complaint, or opinions that cancel out) a mention with an opinion of its own says
// which: "prezzi aumentati senza preavviso, ma personale gentile" complains about prices and
// praises the staff. Suggestions and questions stay what the sentence is.
Intent mention_intent(Intent sentence, double mention_sentiment);

}  // namespace ascolto

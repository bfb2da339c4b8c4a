// Which words of a sentence ending in '?' are only asked about. "Is the new menu good?" asks;
// "Great food, but why so slow?" asks from "why" on; "It was great, wasn't it?" and "Am I the
// only one who loves it?" state their opinion; "Isn't it great?" affirms what it negates.
//
//   const QuestionScope q = question_scope(tokens, Lang::En, sentence, clauses);
//   if (q.asks && opinion_first >= q.from) ...   // a positive word there is not praise
#pragma once

#include <cstdint>
#include <span>

#include "analysis/sentiment.h"
#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

struct QuestionScope {
  bool marked = false;         // the sentence ends in '?'
  bool asks = false;           // a real question, not a statement with a tag
  std::uint32_t from = 0;      // first token of the part that asks
  std::uint32_t tag_from = 0;  // first token of a closing tag ("right?", "vero?"); else the end
  bool rhetorical = false;     // "isn't it great?", "chi non ama…?": the negation affirms
};

// `clauses` are the sentence's clauses in token order.
QuestionScope question_scope(const TokenizedText& t, Lang lang, const Sentence& sentence,
                             std::span<const Clause> clauses);

// "How cool is that?", "quanto è bello?": a "how" right before the opinion at `opinion` (a verb
// may come between in Italian) exclaims rather than asks. Looks no further back than `first`.
bool exclamative_how(const TokenizedText& t, Lang lang, std::uint32_t first, std::uint32_t opinion);

}  // namespace ascolto

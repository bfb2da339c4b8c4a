// The sentiment of one theme mention, from the comment's scored clauses: the opinion of the
// mention's own conjunct or clause (a complaint word right before the theme wins over praise
// elsewhere in it: "made up for the delayed installation"); else what the theme pattern states
// by itself ("took 40 minutes"); else a negator just before it ("no parking": missing); else the
// opinion of its segment (the clauses up to a contrast word), else of its sentence, else of a
// bare verdict next to it ("No issues. Paying by direct debit."). Linear in the
// comment: the per-segment and per-sentence sums are computed once per comment by prepare().
//
//   MentionSentiment m;
//   m.prepare(result);                                   // once per scored comment
//   double v = m.score(tokens, lang, lexicon, result, span);   // in [-1, 1], per mention
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/sentiment.h"
#include "analysis/signals.h"
#include "analysis/theme_tagger.h"
#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

class MentionSentiment {
 public:
  // Once per scored comment: per-segment and per-sentence sums, the clauses of churn statements.
  void prepare(const SentimentResult& s, const std::vector<SignalSpan>& signals);
  double score(const TokenizedText& t, Lang lang_code, const LanguageLexicon& lang,
               const SentimentResult& s, const ThemeSpan& span) const;

  // A mention in the clause of a churn statement ("I'll move to a decent supplier as soon as my
  // contract allows", "passo a un altro gestore appena scade il contratto") is what the customer
  // is leaving: at most a mild complaint, whatever praise of the competitor the clause holds.
  // `v` (its score) otherwise.
  double churned(double v, const SentimentResult& s, const ThemeSpan& span) const;

 private:
  std::vector<double> segment_raw_;   // per segment: the sum of its clauses' raw opinions
  std::vector<double> sentence_raw_;  // per sentence: the sum of its clauses' weighted opinions
  std::vector<std::uint32_t> sentence_tokens_;  // per sentence: its length in tokens
  std::vector<bool> churn_clause_;              // per clause: it holds a churn statement
};

}  // namespace ascolto

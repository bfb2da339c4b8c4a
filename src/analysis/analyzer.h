// The per-comment text pipeline: tokenize, detect the language (unless forced), score
// sentiment, tag themes, and give each theme mention the sentiment of its own clause. An
// Analyzer owns per-thread state (ICU iterators, buffers): one per worker thread, all sharing one
// read-only Lexicons.
//
//   Analyzer a(lexicons, Lang::Und);
//   Analysis r = a.analyze("Cibo ottimo ma servizio lentissimo");
//   r.mentions[0].theme == "food", r.mentions[0].sentiment > 0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/mention_sentiment.h"
#include "analysis/sentiment.h"
#include "analysis/signals.h"
#include "analysis/theme_tagger.h"
#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

struct Mention {
  std::string theme;
  std::uint32_t sentence = 0;  // 0-based
  std::uint32_t start = 0;     // code point offsets in the original comment, end exclusive
  std::uint32_t end = 0;
  std::string text;                 // the matched original text
  double sentiment = 0;             // of the mention's own clause, in [-1, 1]
  Intent intent = Intent::Neutral;  // of the mention's sentence
};

struct Analysis {
  Lang lang = Lang::Und;
  double score = 0;
  SentimentLabel label = SentimentLabel::Neutral;
  std::uint32_t sentences = 0;
  std::vector<Mention> mentions;
  Signals signals;
};

// Seconds spent per stage of the pipeline, when timing is enabled (a few clock reads per comment).
struct AnalysisTimes {
  double tokenize = 0;   // ICU breaks, normalization, elision and emoticon handling
  double language = 0;   // language detection
  double sentiment = 0;  // sentiment lexicon lookups and rules
  double themes = 0;     // theme lexicon lookups, the RE2::Set pass, mentions
  AnalysisTimes& operator+=(const AnalysisTimes& o);
};

// Everything `explain` shows about one comment.
struct Explanation {
  Analysis analysis;
  TokenizedText tokens;
  SentimentResult sentiment;
  std::vector<TraceStep> steps;
  std::vector<ThemeSpan> theme_spans;
  std::vector<SignalSpan> signal_spans;
  std::vector<Intent> intents;  // per sentence
};

class Analyzer {
 public:
  // `forced` = Lang::Und detects the language of each comment.
  Analyzer(const Lexicons& lexicons, Lang forced);

  Analysis analyze(std::string_view text);
  Explanation explain(std::string_view text);

  void enable_timing() { timed_ = true; }
  const AnalysisTimes& times() const { return times_; }

 private:
  // Fills all of `x`; the trace steps only when `trace`.
  void run(std::string_view text, Explanation& x, bool trace);

  const Lexicons& lex_;
  Lang forced_;
  Tokenizer tokenizer_;
  SentimentScorer scorer_;
  SentimentScratch sentiment_scratch_;
  ThemeTagger tagger_;
  SignalDetector signals_;
  MentionSentiment mentions_;
  std::vector<SentenceText> sentence_texts_;  // the rules' view of each sentence, shared
  std::string repaired_;  // the text with lost characters read back (text/lost_characters.h)
  Explanation scratch_;   // reused between comments: its buffers keep their capacity
  bool timed_ = false;
  AnalysisTimes times_;
};

}  // namespace ascolto

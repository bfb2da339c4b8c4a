#include "analysis/analyzer.h"

#include <unicode/utf8.h>

#include <chrono>
#include <utility>

#include "text/lost_characters.h"
#include "text/utf8.h"

namespace ascolto {
namespace {

// Code point offsets of byte offsets in one text, counted on from the previous offset asked
// for: mentions come in text order, so a comment's offsets cost one pass, not one per mention.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  std::uint32_t at(std::uint32_t byte) {
    if (byte < byte_) byte_ = code_points_ = 0;
    code_points_ += static_cast<std::uint32_t>(code_point_count(text_.substr(byte_, byte - byte_)));
    byte_ = byte;
    return code_points_;
  }

 private:
  std::string_view text_;
  std::uint32_t byte_ = 0, code_points_ = 0;
};

// Adds the time since the last lap to a stage total, when timing is on.
class StageClock {
 public:
  explicit StageClock(bool on) : on_(on), last_(on ? Clock::now() : Clock::time_point{}) {}
  void lap(double& total) {
    if (!on_) return;
    const auto now = Clock::now();
    total += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  Clock::time_point last_;
};

}  // namespace

AnalysisTimes& AnalysisTimes::operator+=(const AnalysisTimes& o) {
  tokenize += o.tokenize;
  language += o.language;
  sentiment += o.sentiment;
  themes += o.themes;
  return *this;
}

Analyzer::Analyzer(const Lexicons& lexicons, Lang forced)
    : lex_(lexicons), forced_(forced), scorer_(lexicons), tagger_(lexicons), signals_(lexicons) {}

void Analyzer::run(std::string_view text, Explanation& x, bool trace) {
  TokenizedText& tokens = x.tokens;
  SentimentResult& sentiment = x.sentiment;
  std::vector<TraceStep>* steps = trace ? &x.steps : nullptr;
  x.steps.clear();
  StageClock clock(timed_);
  // Apostrophes and currency signs lost before the export ("can\uFFFDt") are read back; the
  // repaired text has the same offsets, and mentions quote the original.
  const std::string_view original = text;
  if (repair_lost_characters(text, repaired_)) text = repaired_;
  tokenizer_.tokenize(text, tokens);
  clock.lap(times_.tokenize);
  Analysis& a = x.analysis;
  a = Analysis{};
  a.lang = forced_ != Lang::Und ? forced_ : lex_.detector.detect(tokens);
  clock.lap(times_.language);
  Lang rules = a.lang;
  if (rules == Lang::Und) {
    // Undetermined (emoji only, a single shared word): use whichever lexicon finds more, and
    // keep its result unless a trace is wanted.
    SentimentResult en, it;
    scorer_.score(tokens, Lang::En, nullptr, en, sentiment_scratch_);
    scorer_.score(tokens, Lang::It, nullptr, it, sentiment_scratch_);
    rules = it.entries > en.entries ? Lang::It : Lang::En;
    sentiment = std::move(rules == Lang::It ? it : en);
  }
  if (a.lang != Lang::Und || steps != nullptr)
    scorer_.score(tokens, rules, steps, sentiment, sentiment_scratch_);
  clock.lap(times_.sentiment);
  const LanguageLexicon& rules_lexicon = lex_.lang(rules);
  if (rules_lexicon.rule_set) build_sentence_texts(tokens, rules_lexicon, sentence_texts_);
  tagger_.tag(tokens, sentence_texts_, rules, x.theme_spans);
  x.signal_spans = signals_.detect(tokens, sentence_texts_, rules);
  x.intents = sentence_intents(tokens, sentiment, x.signal_spans);
  a.signals = summarize(x.signal_spans);
  a.score = sentiment.compound;
  a.label = sentiment.label;
  a.sentences = static_cast<std::uint32_t>(tokens.sentences.size());
  a.mentions.reserve(x.theme_spans.size());
  if (!x.theme_spans.empty()) mentions_.prepare(sentiment, x.signal_spans);
  text = original;
  CodePointCounter offsets(text);
  for (const ThemeSpan& span : x.theme_spans) {
    Mention m;
    m.theme = lex_.taxonomy.at(span.theme).id;
    m.sentence = span.sentence;
    const std::uint32_t b = tokens.tokens[span.first_token].start;
    const std::uint32_t e = tokens.tokens[span.end_token - 1].end;
    m.start = offsets.at(b);
    m.end = m.start + static_cast<std::uint32_t>(code_point_count(text.substr(b, e - b)));
    m.text = std::string(text.substr(b, e - b));
    m.sentiment = mentions_.churned(
        mentions_.score(tokens, rules, lex_.lang(rules), sentiment, span), sentiment, span);
    m.intent = mention_intent(x.intents[span.sentence], m.sentiment);
    a.mentions.push_back(std::move(m));
  }
  clock.lap(times_.themes);
}

Analysis Analyzer::analyze(std::string_view text) {
  run(text, scratch_, false);
  return std::move(scratch_.analysis);
}

Explanation Analyzer::explain(std::string_view text) {
  Explanation x;
  run(text, x, true);
  return x;
}

}  // namespace ascolto

#include "analysis/analyzer.h"

#include <unicode/utf8.h>

#include <chrono>
#include <utility>

namespace ascolto {
namespace {

std::uint32_t code_points(std::string_view text, std::uint32_t byte_end) {
  std::uint32_t n = 0;
  for (std::uint32_t i = 0; i < byte_end && i < text.size(); ++i) {
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return n;
}

// A mention's sentiment: its clause's, else (a clause with no opinion word, as in "the food,
// which came late, was great") the sentiment of the clauses around it up to a contrast word.
double mention_sentiment(const SentimentResult& s, const ThemeSpan& span) {
  const Clause* own = nullptr;
  for (const Clause& c : s.clauses) {
    if (span.first_token >= c.first_token && span.first_token < c.end_token) own = &c;
  }
  if (own == nullptr) return 0;
  if (own->entries > 0) return squash(own->raw);
  double raw = 0;
  for (const Clause& c : s.clauses) {
    if (c.segment == own->segment) raw += c.raw;
  }
  return squash(raw);
}

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
    : lex_(lexicons), forced_(forced), scorer_(lexicons), tagger_(lexicons) {}

Analysis Analyzer::run(std::string_view text, TokenizedText& tokens, SentimentResult& sentiment,
                       std::vector<ThemeSpan>& spans, std::vector<TraceStep>* steps) {
  StageClock clock(timed_);
  tokenizer_.tokenize(text, tokens);
  clock.lap(times_.tokenize);
  Analysis a;
  a.lang = forced_ != Lang::Und ? forced_ : lex_.detector.detect(tokens);
  clock.lap(times_.language);
  Lang rules = a.lang;
  if (rules == Lang::Und) {
    // Undetermined (emoji only, a single shared word): use whichever lexicon finds more, and
    // keep its result unless a trace is wanted.
    SentimentResult en = scorer_.score(tokens, Lang::En, nullptr);
    SentimentResult it = scorer_.score(tokens, Lang::It, nullptr);
    rules = it.entries > en.entries ? Lang::It : Lang::En;
    sentiment = std::move(rules == Lang::It ? it : en);
  }
  if (a.lang != Lang::Und || steps != nullptr) sentiment = scorer_.score(tokens, rules, steps);
  clock.lap(times_.sentiment);
  spans = tagger_.tag(tokens, rules);
  a.score = sentiment.compound;
  a.label = sentiment.label;
  a.sentences = static_cast<std::uint32_t>(tokens.sentences.size());
  for (const ThemeSpan& span : spans) {
    Mention m;
    m.theme = lex_.taxonomy.at(span.theme).id;
    m.sentence = span.sentence;
    const std::uint32_t b = tokens.tokens[span.first_token].start;
    const std::uint32_t e = tokens.tokens[span.end_token - 1].end;
    m.start = code_points(text, b);
    m.end = m.start + code_points(text.substr(b), e - b);
    m.text = std::string(text.substr(b, e - b));
    m.sentiment = mention_sentiment(sentiment, span);
    a.mentions.push_back(std::move(m));
  }
  clock.lap(times_.themes);
  return a;
}

Analysis Analyzer::analyze(std::string_view text) {
  SentimentResult sentiment;
  std::vector<ThemeSpan> spans;
  return run(text, tokens_, sentiment, spans, nullptr);
}

Explanation Analyzer::explain(std::string_view text) {
  Explanation x;
  x.analysis = run(text, x.tokens, x.sentiment, x.theme_spans, &x.steps);
  return x;
}

const char* intent_name(Intent intent) {
  switch (intent) {
    case Intent::Neutral:
      return "neutral";
    case Intent::Praise:
      return "praise";
    case Intent::Complaint:
      return "complaint";
    case Intent::Suggestion:
      return "suggestion";
    case Intent::Question:
      return "question";
  }
  return "";
}

const char* recommendation_name(Recommendation r) {
  switch (r) {
    case Recommendation::None:
      return nullptr;
    case Recommendation::Recommends:
      return "recommends";
    case Recommendation::Refuses:
      return "refuses";
  }
  return nullptr;
}

}  // namespace ascolto

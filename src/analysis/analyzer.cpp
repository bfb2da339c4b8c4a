#include "analysis/analyzer.h"

#include <unicode/utf8.h>

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

}  // namespace

Analyzer::Analyzer(const Lexicons& lexicons, Lang forced)
    : lex_(lexicons), forced_(forced), scorer_(lexicons), tagger_(lexicons), signals_(lexicons) {}

void Analyzer::run(std::string_view text, Explanation& x, bool trace) {
  TokenizedText& tokens = x.tokens;
  SentimentResult& sentiment = x.sentiment;
  std::vector<TraceStep>* steps = trace ? &x.steps : nullptr;
  x.steps.clear();
  tokenizer_.tokenize(text, tokens);
  Analysis& a = x.analysis;
  a = Analysis{};
  a.lang = forced_ != Lang::Und ? forced_ : lex_.detector.detect(tokens);
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
  x.theme_spans = tagger_.tag(tokens, rules);
  x.signal_spans = signals_.detect(tokens, rules);
  x.intents = sentence_intents(tokens, sentiment, x.signal_spans);
  a.signals = summarize(x.signal_spans);
  a.score = sentiment.compound;
  a.label = sentiment.label;
  a.sentences = static_cast<std::uint32_t>(tokens.sentences.size());
  for (const ThemeSpan& span : x.theme_spans) {
    Mention m;
    m.theme = lex_.taxonomy.at(span.theme).id;
    m.sentence = span.sentence;
    const std::uint32_t b = tokens.tokens[span.first_token].start;
    const std::uint32_t e = tokens.tokens[span.end_token - 1].end;
    m.start = code_points(text, b);
    m.end = m.start + code_points(text.substr(b), e - b);
    m.text = std::string(text.substr(b, e - b));
    m.sentiment = mention_sentiment(sentiment, span);
    m.intent = x.intents[span.sentence];
    a.mentions.push_back(std::move(m));
  }
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

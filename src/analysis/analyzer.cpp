#include "analysis/analyzer.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <optional>
#include <utility>

#include "text/utf8.h"

namespace ascolto {
namespace {

constexpr double kMissing = -1.5;             // raw valence of a theme named as missing
constexpr std::uint32_t kConjunctReach = 40;  // tokens searched each side for "and" / "e"

std::uint32_t code_points(std::string_view text, std::uint32_t byte_end) {
  return static_cast<std::uint32_t>(code_point_count(text.substr(0, byte_end)));
}

// A mention's sentiment: its clause's, else (a clause with no opinion word, as in "the food,
// which came late, was great") the sentiment of the clauses around it up to a contrast word.
// "No ambiance", "nessun parcheggio", "senza colazione", "not enough wines": a negator just before
// a theme in a clause with no opinion word says the thing is missing. (What customers only name
// to complain about, "queues" or "rumore", is an opinion word, so "no queues" stays praise.)
bool named_as_missing(const TokenizedText& t, const LanguageLexicon& lang, const Clause& clause,
                      const ThemeSpan& span) {
  const std::uint32_t from =
      std::max(clause.first_token, span.first_token - std::min<std::uint32_t>(span.first_token, 2));
  for (std::uint32_t j = from; j < span.first_token; ++j) {
    const auto m = lang.modifiers.longest(t.tokens, j, span.first_token);
    if (m && m->payload->kind == ModifierKind::Negator) return true;
  }
  return false;
}

// A clause that joins two statements ("the atmosphere is noisy and the waiters are fast",
// "personale gentile e camera sporca") gives each mention the opinion of its own conjunct.
// The raw opinion of the conjunct of `clause` that holds the mention (0 when it has none), or
// nothing when the clause joins no statements. A joining word inside an opinion entry ("sweet and
// sour", "nickel and dime") does not split.
std::optional<double> conjunct_raw(const TokenizedText& t, Lang lang, const SentimentResult& s,
                                   const Clause& clause, const ThemeSpan& span) {
  // s.opinions is in token order: binary searches keep a long clause with many mentions linear.
  const auto starting_from = [&](std::uint32_t i) {
    return std::lower_bound(
        s.opinions.begin(), s.opinions.end(), i,
        [](const Opinion& o, std::uint32_t tok) { return o.first_token < tok; });
  };
  const auto inside_opinion = [&](std::uint32_t i) {
    const auto after =
        std::upper_bound(s.opinions.begin(), s.opinions.end(), i,
                         [](std::uint32_t tok, const Opinion& o) { return tok < o.first_token; });
    return after != s.opinions.begin() && std::prev(after)->end_token > i;
  };
  const auto splits = [&](std::uint32_t i) {
    return joins_statements(t.tokens[i].norm, lang) && !inside_opinion(i);
  };
  // A conjunct is short: the search stops kConjunctReach tokens away, as at the clause's edge.
  const std::uint32_t low =
      std::max(clause.first_token, span.first_token - std::min(span.first_token, kConjunctReach));
  const std::uint32_t high = std::min(clause.end_token, span.end_token + kConjunctReach);
  std::uint32_t first = span.first_token;
  while (first > low && !splits(first - 1)) --first;
  std::uint32_t end = span.end_token;
  while (end < high && !splits(end)) ++end;
  const bool split_before = first > low || (first > clause.first_token && splits(first - 1));
  const bool split_after = end < high || (end < clause.end_token && splits(end));
  if (!split_before && !split_after) return std::nullopt;
  double raw = 0;
  for (auto o = starting_from(first); o != s.opinions.end() && o->first_token < end; ++o) {
    if (o->end_token <= end) raw += o->value;
  }
  return raw;
}

double mention_sentiment(const TokenizedText& t, Lang lang_code, const LanguageLexicon& lang,
                         const SentimentResult& s, const ThemeSpan& span) {
  const Clause* own = nullptr;
  for (const Clause& c : s.clauses) {
    if (span.first_token >= c.first_token && span.first_token < c.end_token) own = &c;
  }
  if (own == nullptr) return 0;
  // An entry of valence 0 (a dish name such as "dim sum" whose words are opinions elsewhere) is
  // no opinion: such a clause falls back like one without entries.
  if (own->entries > 0) {
    // Opinions that cancel out over the clause ("noisy ... and the waiters fast") still speak
    // for their own conjuncts.
    const std::optional<double> conjunct = conjunct_raw(t, lang_code, s, *own, span);
    if (conjunct && *conjunct != 0) return squash(*conjunct);
    // A conjunct with no opinion of its own: what its pattern states comes before the rest of
    // the clause ("we waited an hour and the bill was steep").
    if (conjunct && span.valence != 0) return squash(span.valence);
    if (own->raw != 0) return squash(own->raw);
  }
  // A pattern that states an opinion by itself: "took 40 minutes to", "ci hanno messo un'ora".
  if (span.valence != 0) return squash(span.valence);
  if (named_as_missing(t, lang, *own, span)) return squash(kMissing);
  double raw = 0;
  for (const Clause& c : s.clauses) {
    if (c.segment == own->segment) raw += c.raw;
  }
  if (raw != 0) return squash(raw);
  // Nothing in its segment either ("only wine and beer are served, but the house varieties are
  // quite good"): the sentence's weighted opinion.
  for (const Clause& c : s.clauses) {
    if (c.sentence == own->sentence) raw += c.raw * c.weight;
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
    : lex_(lexicons), forced_(forced), scorer_(lexicons), tagger_(lexicons), signals_(lexicons) {}

void Analyzer::run(std::string_view text, Explanation& x, bool trace) {
  TokenizedText& tokens = x.tokens;
  SentimentResult& sentiment = x.sentiment;
  std::vector<TraceStep>* steps = trace ? &x.steps : nullptr;
  x.steps.clear();
  StageClock clock(timed_);
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
    SentimentResult en = scorer_.score(tokens, Lang::En, nullptr);
    SentimentResult it = scorer_.score(tokens, Lang::It, nullptr);
    rules = it.entries > en.entries ? Lang::It : Lang::En;
    sentiment = std::move(rules == Lang::It ? it : en);
  }
  if (a.lang != Lang::Und || steps != nullptr) scorer_.score(tokens, rules, steps, sentiment);
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
  for (const ThemeSpan& span : x.theme_spans) {
    Mention m;
    m.theme = lex_.taxonomy.at(span.theme).id;
    m.sentence = span.sentence;
    const std::uint32_t b = tokens.tokens[span.first_token].start;
    const std::uint32_t e = tokens.tokens[span.end_token - 1].end;
    m.start = code_points(text, b);
    m.end = m.start + code_points(text.substr(b), e - b);
    m.text = std::string(text.substr(b, e - b));
    m.sentiment = mention_sentiment(tokens, rules, lex_.lang(rules), sentiment, span);
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

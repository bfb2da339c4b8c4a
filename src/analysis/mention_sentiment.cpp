#include "analysis/mention_sentiment.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "analysis/sentiment_rules.h"

namespace ascolto {
namespace {

constexpr double kMissing = -1.5;             // raw valence of a theme named as missing
constexpr std::uint32_t kConjunctReach = 40;  // tokens searched each side for "and" / "e"
constexpr std::uint32_t kBareVerdict = 5;     // tokens of a verdict sentence, "No issues at all."
constexpr double kClearVerdict = 0.25;        // a comment's compound that is clearly negative
constexpr double kVerdictShare = 0.5;         // the share of it a mention with no opinion takes

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

// A complaint word right before the theme or inside it, describing it ("the delayed installation",
// "la pessima assistenza", a mention that is "delayed"), in a clause that is not negative: the
// theme takes that word, not the praise elsewhere in the clause ("they made up for the delayed
// installation").
std::optional<double> attached_raw(const TokenizedText& t, Lang lang, const SentimentResult& s,
                                   const Clause& clause, const ThemeSpan& span) {
  if (clause.raw < 0) return std::nullopt;
  auto o =
      std::lower_bound(s.opinions.begin(), s.opinions.end(), span.first_token,
                       [](const Opinion& x, std::uint32_t tok) { return x.first_token < tok; });
  // Inside the theme: the last complaint word that ends within it (a narrative the pattern states,
  // "waited 2 hours", is what the pattern's own valence is for, below the clause's opinion words).
  std::optional<double> inside;
  for (; o != s.opinions.end() && o->first_token < span.end_token; ++o) {
    if (o->end_token <= span.end_token && o->value < 0 && !o->fact) inside = o->value;
  }
  if (inside) return inside;
  const auto after =
      std::lower_bound(s.opinions.begin(), s.opinions.end(), span.first_token,
                       [](const Opinion& x, std::uint32_t tok) { return x.first_token < tok; });
  if (after == s.opinions.begin()) return std::nullopt;
  const Opinion& before = *std::prev(after);
  // Right before it, or with an article or possessive between: "lost my discount", "missed our
  // appointment", "annullato il mio ordine".
  std::uint32_t gap = before.end_token;
  while (gap < span.first_token && gap - before.end_token < 2 &&
         determiner(t.tokens[gap].norm, lang))
    ++gap;
  if (gap != span.first_token || before.first_token < clause.first_token || before.value >= 0)
    return std::nullopt;
  return before.value;
}

// The index in s.clauses of the clause holding token `tok`, or s.clauses.size() when none does.
// The clauses are in token order: the last one starting at or before the token holds it.
std::size_t clause_index(const SentimentResult& s, std::uint32_t tok) {
  const auto after =
      std::upper_bound(s.clauses.begin(), s.clauses.end(), tok,
                       [](std::uint32_t t, const Clause& c) { return t < c.first_token; });
  if (after == s.clauses.begin() || tok >= std::prev(after)->end_token) return s.clauses.size();
  return static_cast<std::size_t>(std::prev(after) - s.clauses.begin());
}

// The praise a clause opened by an exception ("apart from", "except", "tranne", "a parte") is
// the exception to: the clause before it in its sentence, else the one after it. Nothing when
// neither praises, or the clause is not an exception. (An exception to a complaint is not
// praise: "no advice other than a link", "same deal except he charged me a fee".)
std::optional<double> conceded_to(const TokenizedText& t, Lang lang, const SentimentResult& s,
                                  const Clause& clause) {
  if (!opens_exception(t, lang, clause.first_token, clause.end_token)) return std::nullopt;
  const Clause* end = s.clauses.data() + s.clauses.size();
  if (&clause != s.clauses.data()) {
    const Clause& before = *std::prev(&clause);
    if (before.sentence == clause.sentence && before.raw > 0) return before.raw;
  }
  if (&clause + 1 != end) {
    const Clause& after = *(&clause + 1);
    if (after.sentence == clause.sentence && after.raw > 0) return after.raw;
  }
  return std::nullopt;
}

}  // namespace

double MentionSentiment::churned(double v, const SentimentResult& s, const ThemeSpan& span) const {
  constexpr double kLeaving = -0.3;
  const std::size_t c = clause_index(s, span.first_token);
  return c < churn_clause_.size() && churn_clause_[c] ? std::min(v, kLeaving) : v;
}

void MentionSentiment::prepare(const SentimentResult& s, const std::vector<SignalSpan>& signals) {
  churn_clause_.assign(s.clauses.size(), false);
  for (const SignalSpan& sig : signals) {
    const bool leaving =
        sig.kind == SignalKind::Churn ? !sig.negated : sig.kind == SignalKind::Stay && sig.negated;
    const std::size_t c = clause_index(s, sig.first_token);
    if (leaving && c < churn_clause_.size()) churn_clause_[c] = true;
  }
  // Summed in clause order, as a loop over the clauses of one segment or sentence would.
  segment_raw_.assign(s.clauses.empty() ? 0 : s.clauses.back().segment + 1, 0.0);
  sentence_raw_.assign(s.clauses.empty() ? 0 : s.clauses.back().sentence + 1, 0.0);
  sentence_tokens_.assign(sentence_raw_.size(), 0);
  for (const Clause& c : s.clauses) {
    segment_raw_[c.segment] += c.raw;
    sentence_raw_[c.sentence] += c.raw * c.weight;
    sentence_tokens_[c.sentence] += c.end_token - c.first_token;
  }
}

double MentionSentiment::score(const TokenizedText& t, Lang lang_code, const LanguageLexicon& lang,
                               const SentimentResult& s, const ThemeSpan& span) const {
  const std::size_t c = clause_index(s, span.first_token);
  if (c == s.clauses.size()) return 0;
  const Clause* own = &s.clauses[c];
  // An entry of valence 0 (a dish name such as "dim sum" whose words are opinions elsewhere) is
  // no opinion: such a clause falls back like one without entries.
  if (own->entries > 0) {
    // Opinions that cancel out over the clause ("noisy ... and the waiters fast") still speak
    // for their own conjuncts.
    const std::optional<double> conjunct = conjunct_raw(t, lang_code, s, *own, span);
    if (conjunct && *conjunct != 0) return squash(*conjunct);
    if (const std::optional<double> attached = attached_raw(t, lang_code, s, *own, span))
      return squash(*attached);
    // A conjunct with no opinion of its own: what its pattern states comes before the rest of
    // the clause ("we waited an hour and the bill was steep").
    if (conjunct && span.valence != 0) return squash(span.valence);
    if (own->raw != 0) return squash(own->raw);
  }
  // Too early to say in its clause: what the pattern states is not yet so ("non ho ancora
  // ricevuto la bolletta").
  // ("yet" may open the next clause, as a contrast word: "you haven't billed me | yet").
  if (own->raw == 0 &&
      first_experience(t, lang_code, own->first_token,
                       std::min(own->end_token + 1, static_cast<std::uint32_t>(t.tokens.size())),
                       false))
    return 0;
  // A pattern that states an opinion by itself: "took 40 minutes to", "ci hanno messo un'ora".
  if (span.valence != 0) return squash(span.valence);
  if (named_as_missing(t, lang, *own, span)) return squash(kMissing);
  // An exception with no opinion of its own to praise next to it is a complaint: "fine apart
  // from the router being sent too early", "Apart from the router, everything was perfect".
  if (own->raw == 0) {
    if (const std::optional<double> other = conceded_to(t, lang_code, s, *own))
      return -kVerdictShare * squash(*other);
  }
  const double raw = segment_raw_[own->segment];
  if (raw != 0) return squash(raw);
  // Nothing in its segment either ("only wine and beer are served, but the house varieties are
  // quite good"): the sentence's weighted opinion.
  const std::uint32_t si = own->sentence;
  if (sentence_raw_[si] != 0) return squash(sentence_raw_[si]);
  // A sentence of facts only, next to a bare verdict on everything ("No issues. Paying by direct
  // debit.", "Nessun problema. Pago con addebito."): the verdict covers it; the sentence before
  // first. A longer sentence says what it is about.
  const auto bare = [&](std::size_t i) {
    return i < sentence_raw_.size() && sentence_tokens_[i] <= kBareVerdict && sentence_raw_[i] != 0;
  };
  if (si > 0 && bare(si - 1)) return squash(sentence_raw_[si - 1]);
  if (bare(si + 1)) return squash(sentence_raw_[si + 1]);
  // A fact inside a clearly negative comment is a step of the story it complains about: "The
  // order was placed on the 3rd. Still no broadband, appalling service". (In praise, a fact is
  // more often background: "I pay by direct debit. The engineer did a good job.")
  if (s.compound <= -kClearVerdict) return kVerdictShare * s.compound;
  return 0;
}

}  // namespace ascolto

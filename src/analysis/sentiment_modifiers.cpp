// The modifier phase of a sentiment pass (contract in sentiment_pass.h): each entry adjusted by
// the modifiers before it in its clause (negation, boosters, irrealis, questions, capitals), then
// the clause-level rules (refusals, lacks, counterfactuals with no opinion word, exclamations,
// sarcastic thanks).
#include <algorithm>
#include <string>

#include "analysis/sentiment_narratives.h"
#include "analysis/sentiment_pass.h"
#include "analysis/sentiment_rules.h"

namespace ascolto {
namespace {

// Tuning constants, in the spirit of VADER's published ones.
constexpr double kNegatedPositive = 0.6;   // "non è buono" is milder than "è cattivo"
constexpr double kNegatedNegative = 0.4;   // "not bad" is mildly positive ...
constexpr double kStrongNegative = -3.0;   // ... but "not the worst" is not praise at all
constexpr double kQuestionPositive = 0.0;  // "was it good?" is not praise
constexpr double kAllCaps = 1.25;
constexpr double kElongated = 1.15;
constexpr double kSuperlative = 1.3;  // -issimo
constexpr double kExclamation = 0.2;  // per '!', up to four
constexpr std::size_t kNegationScope = 3;
constexpr double kRefusal = -1.0;                // "No!" on its own
constexpr double kExcitement = 0.8;              // "Ready for a movie!!"
constexpr double kAbsence = -0.8;                // "no hot water", "non mi hanno risposto"
constexpr double kCounterfactual = -1.0;         // "they should have told me"
constexpr double kCounterfactualPositive = 0.3;  // "it would have been good": not good, a regret
constexpr double kCompetitor = 0.6;  // "other providers were cheaper": against us, milder
constexpr double kFreeOf = 0.6;      // "pain free" is milder praise than "pain" is blame
// Bounds that keep every product finite whatever the input ("molto" x3500 multiplied an entry by
// 1.3 each time, to infinity and then NaN).
constexpr double kMaxScale = 4.0;  // boosters stacked on one entry
// A cap that keeps the time linear in the comment's length (README, "Limits"): what lies beyond
// it in a pathological comment ("non molto buono e" x50,000) is not read.
constexpr std::size_t kMaxModifiersInScope = 8;  // modifiers read back from an entry

}  // namespace

// 3. Modifiers: each entry adjusted by the modifiers of its clause; then refusals, lacks and
// exclamation marks, clause by clause.
void SentimentPass::apply_modifiers() {
  question = question_scope(text, lang_code, sent, clauses);
  exclamations = 0;
  for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
    exclamations += text.tokens[i].norm == "!";
  }
  // A negator standing alone as its clause is a refusal, not a negation: "No!", "No and no."
  negation_used.assign(clauses.size(), false);
  for (Clause& c : clauses) {
    std::uint32_t words = 0;
    for (std::uint32_t k = c.first_token; k < c.end_token; ++k)
      words += text.tokens[k].kind != TokenKind::Punct;
    const auto m = std::find_if(
        starting_at(mods, c.first_token), mods.cend(),
        [&](const Modifier& x) { return x.first >= c.end_token || x.end <= c.end_token; });
    if (words == 1 && m != mods.end() && m->first < c.end_token &&
        m->entry->kind == ModifierKind::Negator && m->end == m->first + 1) {
      c.raw += kRefusal;
      ++c.entries;
      negation_used[&c - clauses.data()] = true;
      if (trace)
        note(span_text(text, m->first, m->end), "a negator alone: a refusal",
             lex_.where(m->entry->src), kRefusal);
    }
  }
  negation_boost_of.assign(clauses.size(), 0.0);
  for (const Modifier& m : mods) {
    if (m.entry->kind != ModifierKind::NegationBooster) continue;
    double& boost = negation_boost_of[&clause_of(m.first) - clauses.data()];
    boost = std::max(boost, static_cast<double>(m.entry->weight));
  }
  plain_before.resize(sent.end_token - sent.first_token + 1);
  plain_before[0] = 0;
  for (std::uint32_t k = 0; k + sent.first_token < sent.end_token; ++k)
    plain_before[k + 1] = plain_before[k] + !in_modifier[k];
  next_mod = 0;
  last_negator = nullptr;
  last_irrealis = mods.size();
  for (const Item& item : items) score_entry(item);
  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    if (negation_used[ci]) continue;
    Clause& c = clauses[ci];
    const Modifier* negator = lacking_negator(text, lang_code, c, mods, items, question.tag_from);
    if (!negator) continue;
    c.raw += kAbsence;
    ++c.entries;
    if (trace)
      note(span_text(text, negator->first, negator->end),
           "negator with no opinion word to negate: a lack", lex_.where(negator->entry->src),
           kAbsence);
  }
  // A counterfactual duty or wish with no opinion word in its clause is a complaint: "they
  // should have told me", "avrebbero dovuto avvisarmi", "it would have been nice to get a
  // reply". One that names a rating ("would have been 10", "sarebbe stato un 10") states the
  // rating, with its reservation, not a complaint.
  for (Clause& c : clauses) {
    if (c.entries > 0) continue;
    for (auto m = starting_at(mods, c.first_token); m != mods.end() && m->first < c.end_token;
         ++m) {
      if (m->entry->kind != ModifierKind::Irrealis ||
          !counterfactual(text, lang_code, m->first, m->end) || rating_after(m->end, c.end_token))
        continue;
      c.raw += kCounterfactual;
      ++c.entries;
      if (trace)
        note(span_text(text, m->first, m->end), "counterfactual with no opinion word: a complaint",
             lex_.where(m->entry->src), kCounterfactual);
      break;
    }
  }
  if (exclamations > 0) {
    const double boost = kExclamation * std::min(exclamations, 4);
    bool opinion = false;
    for (Clause& c : clauses) {
      opinion = opinion || c.entries > 0;
      if (c.raw != 0) c.raw += c.raw > 0 ? boost : -boost;
    }
    // Exclamations with no opinion word and no question are excitement: "Ready for a movie!!"
    if (!opinion && !question.marked) {
      clauses.front().raw += kExcitement;
      ++clauses.front().entries;
      if (trace)
        note("sentence " + std::to_string(si + 1), "exclamation without opinion words: excitement",
             "rule", kExcitement);
    }
    if (trace)
      note("sentence " + std::to_string(si + 1),
           "exclamation marks: +" + factor_text(boost) + " intensity", "rule", 0);
  }
}

// True when a number follows token `k` in the clause, after at most an article ("a 10").
bool SentimentPass::rating_after(std::uint32_t k, std::uint32_t end) const {
  for (std::uint32_t i = k; i < end && i < k + 2; ++i) {
    if (text.tokens[i].kind == TokenKind::Number) return true;
  }
  return false;
}

// A sentence that is only "grazie tante" / "thanks a lot", right after a complaint, is sarcasm:
// its praise turns against what it thanks for.
void SentimentPass::sarcastic_thanks() {
  if (previous_sentence == result.clauses.size()) return;
  double before = 0;
  for (auto c = result.clauses.begin() + previous_sentence; c != result.clauses.end(); ++c)
    before += c->raw * c->weight;
  if (before >= 0) return;
  std::string words;
  for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
    if (text.tokens[i].kind == TokenKind::Punct) continue;
    if (!words.empty()) words += ' ';
    words += text.tokens[i].norm;
    if (words.size() > 20) return;
  }
  if (words != (lang_code == Lang::It ? "grazie tante" : "thanks a lot") &&
      words != (lang_code == Lang::It ? "grazie tante eh" : "thanks a bunch"))
    return;
  for (Clause& c : clauses) {
    if (c.raw <= 0) continue;
    c.raw = -c.raw;
    if (trace) note(words, "thanks right after a complaint: sarcasm, x-1", "rule", c.raw);
  }
}

// True when positive `item` is what a narrative in its clause wants, not what happened: what a
// stated cost was spent to get, past "to" / "for" / "per" ("waited 6 weeks to get it sorted", "ho
// aspettato tre settimane per avere la linea funzionante"); what a duty owes or a promise
// announced ("you should provide a proper router", "I was told it would be smooth", "doveva
// essere veloce").
bool SentimentPass::goal_of_fact(const Item& item, const Clause& clause) const {
  constexpr std::uint32_t kGoalReach = 8;
  // A fact spans at most a dozen tokens: the search starts that far back, so it stays linear.
  const std::uint32_t from = item.first - std::min<std::uint32_t>(item.first, 12 + kGoalReach);
  for (auto it = starting_at(items, from); it != items.end(); ++it) {
    const Item& fact = *it;
    if (fact.first >= item.first) break;
    if (fact.first < clause.first_token || item.first > fact.end + kGoalReach) continue;
    if (fact.fact == Fact::Duty || fact.fact == Fact::Promise) return true;
    if (fact.fact != Fact::Cost) continue;
    for (std::uint32_t k = fact.end; k < item.first; ++k) {
      const std::string_view w = text.tokens[k].norm;
      if (lang_code == Lang::It ? (w == "per" || w == "finché")
                                : (w == "to" || w == "for" || w == "until"))
        return true;
    }
  }
  return false;
}

// One entry with the modifiers before it in its clause, added to the clause.
void SentimentPass::score_entry(const Item& item) {
  Clause& clause = clause_of(item.first);
  // Explanations are built only for `explain`: they cost more than the scoring itself.
  const std::string subject = trace ? span_text(text, item.first, item.end) : std::string();
  double v = item.valence;
  if (trace) {
    note(subject,
         item.emoji                ? "emoji"
         : item.interjection       ? "interjection: the writer's own feeling, not negated or asked"
         : item.fact != Fact::None ? "a narrative stated as a fact"
                                   : "lexicon entry",
         item.fact != Fact::None ? std::string("rule") : lex_.where(item.src), v);
  }
  if (item.emoji) {
    clause.raw += v;
    ++clause.entries;
    result.opinions.push_back({item.first, item.end, v});
    return;
  }
  if (item.free_of) {
    v *= -kFreeOf;
    if (trace) note(subject, "free of something bad: praise x-0.6", "rule", v);
  }
  if (item.superlative) {
    v *= kSuperlative;
    if (trace) note(subject, "superlative -issimo x1.3", "rule", v);
  }
  // Modifiers before the entry, inside its clause.
  const Modifier* negator = nullptr;
  double negation_boost = 0;
  double scale = 1;
  const Modifier* irrealis = nullptr;
  for (; next_mod < mods.size() && mods[next_mod].first < item.first; ++next_mod) {
    if (mods[next_mod].entry->kind == ModifierKind::Irrealis) last_irrealis = next_mod;
  }
  if (!item.interjection) {
    negation_boost = negation_boost_of[&clause - clauses.data()];
    if (last_irrealis < next_mod && mods[last_irrealis].first >= clause.first_token)
      irrealis = &mods[last_irrealis];
    // The modifiers before the entry, nearest first, up to kMaxModifiersInScope and while
    // within reach. Modifier words between do not use up the scope: "non è per niente buono".
    const Modifier* intensifiers[kMaxModifiersInScope];
    std::size_t n_intensifiers = 0;
    for (std::size_t j = next_mod, read = 0;
         j > 0 && read < kMaxModifiersInScope && mods[j - 1].first >= clause.first_token;
         --j, ++read) {
      const Modifier& m = mods[j - 1];
      const std::uint32_t distance =
          plain_before[item.first - sent.first_token] - plain_before[m.end - sent.first_token];
      if (distance > kNegationScope) break;
      const ModifierKind k = m.entry->kind;
      // The nearest negator within scope: a later one continues the same negation ("non ...
      // mai"); a negated opinion followed by "and" closes it ("not pretentious and very
      // cheap").
      if (k == ModifierKind::Negator && negator == nullptr &&
          !closed_by_conjunction(text, lang_code, m.end, item.first)) {
        negator = &m;
      } else if (intensity(k) && distance <= 2) {
        intensifiers[n_intensifiers++] = &m;
      }
    }
    while (n_intensifiers > 0) {  // in token order, as they apply
      const ModifierEntry& e = *intensifiers[--n_intensifiers]->entry;
      const double f = e.kind == ModifierKind::Dampener ? 1.0 - e.weight : 1.0 + e.weight;
      scale = std::clamp(scale * f, -kMaxScale, kMaxScale);
    }
  }
  if (scale != 1) {
    v *= scale;
    if (trace) note(subject, "booster/dampener x" + factor_text(scale), "rule", v);
  }
  // A negator that took an opinion word does not reach a narrative after it unless listed with
  // it: "not happy with having to wait 6 weeks" (the wait stays a cost).
  if (negator && negator == last_negator && item.fact != Fact::None) {
    bool listed = last_negated_end < item.first;  // "no problems or delays", not adjacent
    for (std::uint32_t k = last_negated_end; k < item.first && listed; ++k) {
      const std::string_view w = text.tokens[k].norm;
      listed = w == "," || w == "/" ||
               (lang_code == Lang::It ? (w == "o" || w == "né" || w == "ne")
                                      : (w == "or" || w == "nor"));
    }
    if (!listed) {
      if (trace)
        note(span_text(text, negator->first, negator->end) + " ... " + subject,
             "the negator took an earlier opinion: not negated", "rule", v);
      negator = nullptr;
    }
  }
  // An entry of no opinion ("breakdown of" as a list) takes no negation: the negator still
  // states a lack ("you haven't given me a breakdown of my contract").
  if (negator && v != 0) negation_used[&clause - clauses.data()] = true;
  // "Non c'è nessun problema", "non ho mai avuto problemi": an entry that opens with a
  // negator of its own holds the negation already, and the one before agrees with it.
  if (negator && opens_with_negator(lang, text.tokens[item.first])) {
    if (trace) {
      note(span_text(text, negator->first, negator->end) + " ... " + subject,
           "the entry holds its own negation: the negator before agrees with it", "rule", v);
    }
    negator = nullptr;
  }
  if (negator && exclamative_comparison(text, lang_code, negator->first, item.first, item.end,
                                        clause.end_token)) {
    if (trace) {
      note(span_text(text, negator->first, negator->end) + " ... " + subject,
           "exclamative comparison (never ... so, not ... this, not so ... in years): not "
           "a negation",
           "rule", v);
    }
    negator = nullptr;
  }
  if (negator && question.rhetorical) {
    if (trace) {
      note(span_text(text, negator->first, negator->end) + " ... " + subject,
           "rhetorical question (isn't it…?, non è…?): not a negation", "rule", v);
    }
    negator = nullptr;
  }
  if (negator) {
    last_negator = negator;
    last_negated_end = item.end;
    const double strength = negator->entry->weight * (1.0 + negation_boost);
    if (v > 0) {
      v = -v * kNegatedPositive * strength;
    } else if (v > kStrongNegative) {
      v = -v * kNegatedNegative * strength;
    } else {
      v = 0;
    }
    if (trace)
      note(span_text(text, negator->first, negator->end) + " ... " + subject,
           negation_boost > 0 ? "negation, strengthened" : "negation",
           lex_.where(negator->entry->src), v);
  }
  if (irrealis && v > 0 && counterfactual(text, lang_code, irrealis->first, irrealis->end)) {
    v *= -kCounterfactualPositive;
    if (trace)
      note(subject, "counterfactual (would have been, sarebbe stato): a wish not met x-0.3",
           lex_.where(irrealis->entry->src), v);
  } else if (irrealis && v > 0) {
    v *= irrealis->entry->weight;
    if (trace)
      note(subject,
           "irrealis (conditional/wish): positive x" + factor_text(irrealis->entry->weight),
           lex_.where(irrealis->entry->src), v);
  }
  if (v < 0 && negator == nullptr && resolved_after(item, clause)) {
    v = 0;
    if (trace) note(subject, "a problem said to be resolved: no complaint left", "rule", v);
  }
  if (v > 0 && few_of_many(text, lang_code, clause.first_token, item.first)) {
    v = -v * kCounterfactualPositive;
    if (trace) note(subject, "only a few out of many: praise for too few, x-0.3", "rule", v);
  }
  if (v > 0 && (goal_of_fact(item, clause) ||
                purpose_of_effort(text, lang_code, clause.first_token, item.first))) {
    v = 0;
    if (trace)
      note(subject, "what an effort, a duty or a promise was about: a goal, not praise", "rule", v);
  }
  if (v > 0 &&
      competitor_comparison(text, lang_code, clause.first_token, clause.end_token, item.first)) {
    v = -v * kCompetitor;
    if (trace)
      note(subject, "a competitor's advantage: against us, x-" + factor_text(kCompetitor), "rule",
           v);
  }
  if (question.asks && v > 0 && item.first >= question.from && !question.rhetorical &&
      !item.interjection && !exclamative_how(text, lang_code, question.from, item.first)) {
    v *= kQuestionPositive;
    if (trace) note(subject, "question: a positive word asks, it does not praise", "rule", v);
  }
  const bool caps = std::any_of(text.tokens.begin() + item.first, text.tokens.begin() + item.end,
                                [](const Token& t) { return t.all_caps; });
  if (caps && !shouting) {
    v *= kAllCaps;
    if (trace) note(subject, "ALL CAPS x1.25", "rule", v);
  }
  if (text.tokens[item.first].elongated) {
    v *= kElongated;
    if (trace) note(subject, "elongated x1.15", "rule", v);
  }
  clause.raw += v;
  ++clause.entries;
  result.opinions.push_back({item.first, item.end, v, item.fact != Fact::None});
}

// True when a word of resolution follows the complaint `item` within a few tokens of its clause,
// with no negator between: "all our issues were sorted efficiently", "il problema è stato
// risolto"; not "the issue was not resolved".
bool SentimentPass::resolved_after(const Item& item, const Clause& clause) const {
  constexpr std::uint32_t kReach = 4;
  const bool it = lang_code == Lang::It;
  for (std::uint32_t k = item.end; k < clause.end_token && k < item.end + kReach; ++k) {
    const std::string_view w = text.tokens[k].norm;
    if (lang.modifiers.word(text.tokens[k].norm) != nullptr &&
        lang.modifiers.word(text.tokens[k].norm)->kind == ModifierKind::Negator)
      return false;
    if (it ? (w == "risolto" || w == "risolta" || w == "risolti" || w == "risolte" ||
              w == "sistemato" || w == "sistemata" || w == "sistemati" || w == "sistemate")
           : (w == "resolved" || w == "sorted" || w == "fixed" || w == "solved" ||
              w == "rectified" || w == "addressed"))
      return true;
  }
  return false;
}

}  // namespace ascolto

#include "analysis/sentiment.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "analysis/questions.h"
#include "analysis/sentiment_rules.h"
#include "text/normalizer.h"

namespace ascolto {
namespace {

// Tuning constants, in the spirit of VADER's published ones.
constexpr double kNegatedPositive = 0.6;   // "non è buono" is milder than "è cattivo"
constexpr double kNegatedNegative = 0.4;   // "not bad" is mildly positive ...
constexpr double kStrongNegative = -3.0;   // ... but "not the worst" is not praise at all
constexpr double kQuestionPositive = 0.0;  // "was it good?" is not praise
constexpr double kAllCaps = 1.25;
constexpr double kElongated = 1.15;
constexpr double kSuperlative = 1.3;     // -issimo
constexpr double kExclamation = 0.2;     // per '!', up to four
constexpr double kMixedThreshold = 1.5;  // a clause this strong in each direction -> mixed
constexpr std::size_t kNegationScope = 3;
constexpr double kRefusal = -1.0;                // "No!" on its own
constexpr double kExcitement = 0.8;              // "Ready for a movie!!"
constexpr double kExcess = -1.4;                 // "too high", "troppo piccolo"
constexpr double kAbsence = -0.8;                // "no hot water", "non mi hanno risposto"
constexpr double kTimeCost = -1.5;               // "took 7 weeks", "ci hanno messo tre settimane"
constexpr double kCounterfactual = -1.0;         // "they should have told me"
constexpr double kCounterfactualPositive = 0.3;  // "it would have been good": not good, a regret
constexpr double kFreeOf = 0.6;  // "pain free" is milder praise than "pain" is blame
// Bounds that keep every product finite whatever the input ("ma" x1800 multiplied a clause's
// weight by 1.5 each time, "molto" x3500 an entry by 1.3 each time, to infinity and then NaN).
constexpr double kMaxClauseWeight = 16.0;  // four contrasts of x2 in one sentence
constexpr double kMaxScale = 4.0;          // boosters stacked on one entry
// Caps that keep the time linear in the comment's length (README, "Limits"): what lies beyond
// them in a pathological comment ("ma" x300,000, "non molto buono e" x50,000) is not read.
constexpr int kMaxContrasts = 8;                 // contrast words that weigh a sentence's clauses
constexpr std::size_t kMaxModifiersInScope = 8;  // modifiers read back from an entry

using Item = SentimentItem;
using Modifier = SentimentModifier;

// Multiplies a clause's contrast weight, within [0, kMaxClauseWeight].
void weigh(Clause& c, double factor) {
  c.weight = std::clamp(c.weight * factor, 0.0, kMaxClauseWeight);
}

bool whole_text_caps(const TokenizedText& t) {
  int words = 0, caps = 0;
  for (const Token& tok : t.tokens) {
    if (tok.kind != TokenKind::Word || tok.norm.size() < 2) continue;
    ++words;
    caps += tok.all_caps;
  }
  return words > 0 && caps == words;
}

// One scoring of one comment, phase by phase over each sentence: entries (lexicon and modifier
// matches), clauses (split and weighed by contrast), modifiers (each entry adjusted by those of
// its clause, then refusals, lacks and exclamations), and last the compound of all clauses.
class Pass {
 public:
  Pass(const Lexicons& lex, Lang lang_code, const TokenizedText& text,
       std::vector<TraceStep>* trace, SentimentResult& result, SentimentScratch& scratch)
      : lex_(lex),
        lang(lex.lang(lang_code)),
        lang_code(lang_code),
        text(text),
        trace(trace),
        result(result),
        items(scratch.items),
        mods(scratch.mods),
        in_modifier(scratch.in_modifier),
        clauses(scratch.clauses),
        negation_used(scratch.negation_used),
        negation_boost_of(scratch.negation_boost),
        plain_before(scratch.plain_before),
        shouting(whole_text_caps(text)) {}

  void run() {
    result.clauses.clear();
    result.opinions.clear();
    result.entries = 0;
    for (si = 0; si < text.sentences.size(); ++si) {
      sent = text.sentences[si];
      find_entries();
      split_clauses();
      weigh_clauses();
      apply_modifiers();
      sarcastic_thanks();
      ++segment;
      previous_sentence = result.clauses.size();
      for (Clause& c : clauses) result.clauses.push_back(c);
    }
    compound();
  }

 private:
  // Callers test `trace` first, so no explanation string is built when nobody asked for one.
  void note(std::string subject, std::string action, std::string source, double v) {
    trace->push_back({std::move(subject), std::move(action), std::move(source), v});
  }

  // 1. Entries: the longest lexicon or modifier match at each position of the sentence.
  void find_entries() {
    items.clear();
    mods.clear();
    for (std::uint32_t i = sent.first_token; i < sent.end_token;) {
      const Token& tok = text.tokens[i];
      if (tok.kind == TokenKind::Punct) {
        ++i;
        continue;
      }
      if (tok.kind == TokenKind::Emoji || tok.kind == TokenKind::Emoticon) {
        auto it = lex_.emoji.find(tok.norm);
        // An emphatic emoticon is its plain form: "<333" is "<3", ":)))" is ":)", "xDDD" is "xD".
        if (it == lex_.emoji.end() && tok.kind == TokenKind::Emoticon) {
          it = lex_.emoji.find(squeeze_runs(tok.norm));
        }
        if (it != lex_.emoji.end()) {
          items.push_back({.first = i,
                           .end = i + 1,
                           .valence = it->second.valence,
                           .emoji = true,
                           .src = it->second.src});
        }
        ++i;
        continue;
      }
      const auto sm = lang.sentiment.longest(text.tokens, i, sent.end_token);
      const auto mm = lang.modifiers.longest(text.tokens, i, sent.end_token);
      // A cost in time or effort stated as a fact, over a shorter entry ("waiting" in "waiting 6
      // weeks"): "took 7 weeks", "called 5 times", "ci hanno messo tre settimane".
      if (const std::uint32_t cost = std::max(time_cost(text, lang_code, i, sent.end_token),
                                              effort_cost(text, lang_code, i, sent.end_token));
          cost > (sm ? sm->length : 0) && cost > (mm ? mm->length : 0)) {
        items.push_back(
            {.first = i, .end = i + cost, .valence = kTimeCost, .fact = true, .src = {}});
        i += cost;
        continue;
      }
      if (sm && (!mm || sm->length > mm->length ||
                 (sm->length == mm->length &&
                  intensifies_nothing(text, lang, *mm->payload, i + mm->length, sent.end_token)))) {
        const auto match_end = static_cast<std::uint32_t>(i + sm->length);
        const std::uint32_t free =
            sm->payload->valence < 0 ? free_suffix(text, lang_code, match_end, sent.end_token) : 0;
        items.push_back({.first = i,
                         .end = match_end + free,
                         .valence = sm->payload->valence,
                         .interjection = sm->payload->kind == EntryKind::Interjection,
                         .free_of = free > 0,
                         .src = sm->payload->src});
        i = match_end + free;
        continue;
      }
      if (mm && mm->payload->kind == ModifierKind::Excess) {
        // "too high", "troppo piccolo": excess of something the lexicon has no opinion on.
        const auto next = static_cast<std::uint32_t>(i + mm->length);
        if (next < sent.end_token && text.tokens[next].kind == TokenKind::Word &&
            !lang.sentiment.longest(text.tokens, next, sent.end_token)) {
          items.push_back(
              {.first = i, .end = next + 1, .valence = kExcess, .src = mm->payload->src});
          i = next + 1;
          continue;
        }
      }
      if (mm) {
        const auto end = static_cast<std::uint32_t>(i + mm->length);
        mods.push_back({i, end, mm->payload});
        i = end;
        continue;
      }
      // Emphatic spelling and superlatives the lexicon does not list.
      const SentimentEntry* found = nullptr;
      bool superlative = false;
      if (tok.elongated) {
        found = lang.sentiment.word(collapse_repeats(tok.norm, 2));
        if (!found) found = lang.sentiment.word(collapse_repeats(tok.norm, 1));
      }
      if (!found && lang_code == Lang::It) {
        found = superlative_base(lang, tok.norm);
        superlative = found != nullptr;
      }
      if (found) {
        items.push_back({.first = i,
                         .end = i + 1,
                         .valence = found->valence,
                         .interjection = found->kind == EntryKind::Interjection,
                         .superlative = superlative,
                         .src = found->src});
      }
      ++i;
    }

    in_modifier.assign(sent.end_token - sent.first_token, false);
    for (const Modifier& m : mods) {
      for (std::uint32_t k = m.first; k < m.end; ++k) in_modifier[k - sent.first_token] = true;
    }
  }

  // 2. Clauses: split at clause punctuation and before contrast / concessive words.
  void split_clauses() {
    clauses.clear();
    const auto open_clause = [&](std::uint32_t first) {
      if (!clauses.empty()) clauses.back().end_token = first;
      Clause c;
      c.sentence = si;
      c.first_token = first;
      c.segment = segment;
      clauses.push_back(c);
    };
    open_clause(sent.first_token);
    std::size_t next = 0;
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
      while (next < mods.size() && mods[next].first < i) ++next;
      const bool splits = next < mods.size() && mods[next].first == i &&
                          (mods[next].entry->kind == ModifierKind::Contrast ||
                           mods[next].entry->kind == ModifierKind::Concessive);
      if (splits && i > clauses.back().first_token) {
        ++segment;
        open_clause(i);
        clauses.back().segment = segment;
      } else if (splits) {
        ++segment;
        clauses.back().segment = segment;
      }
      if (is_clause_boundary(text.tokens[i]) && i + 1 < sent.end_token) {
        if (text.tokens[i].norm == ";") ++segment;
        open_clause(i + 1);
      }
    }
    clauses.back().end_token = sent.end_token;
  }

  // The clause of the sentence that holds token `tok`.
  Clause& clause_of(std::uint32_t tok) {
    const auto after =
        std::upper_bound(clauses.begin(), clauses.end(), tok,
                         [](std::uint32_t t, const Clause& c) { return t < c.first_token; });
    if (after != clauses.begin() && tok < std::prev(after)->end_token) return *std::prev(after);
    return clauses.back();
  }

  // Contrast and concessive weights of the clauses.
  void weigh_clauses() {
    int contrasts = 0;
    for (const Modifier& m : mods) {
      const double w = m.entry->weight;
      if (m.entry->kind == ModifierKind::Contrast && ++contrasts <= kMaxContrasts) {
        for (Clause& c : clauses) {
          weigh(c, c.first_token < m.first ? 2.0 - w : w);
          c.conceded = c.conceded || c.first_token < m.first;
        }
        // A sentence that opens with "But" / "Però" turns against the sentence before it.
        const bool opens_sentence =
            std::all_of(text.tokens.begin() + sent.first_token, text.tokens.begin() + m.first,
                        [](const Token& t) { return t.kind == TokenKind::Punct; });
        if (opens_sentence) {
          for (auto c = result.clauses.begin() + previous_sentence; c != result.clauses.end();
               ++c) {
            weigh(*c, 2.0 - w);
            c->conceded = true;
          }
        }
        if (trace)
          note(span_text(text, m.first, m.end),
               std::string(opens_sentence ? "contrast with the previous sentence" : "contrast") +
                   ": before x" + factor_text(2.0 - w) + ", after x" + factor_text(w),
               lex_.where(m.entry->src), 0);
      } else if (m.entry->kind == ModifierKind::Concessive) {
        weigh(clause_of(m.first), w);
        clause_of(m.first).conceded = true;
        if (trace)
          note(span_text(text, m.first, m.end), "concessive: its clause x" + factor_text(w),
               lex_.where(m.entry->src), 0);
      }
    }
  }

  // 3. Modifiers: each entry adjusted by the modifiers of its clause; then refusals, lacks and
  // exclamation marks, clause by clause.
  void apply_modifiers() {
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
          note(span_text(text, m->first, m->end),
               "counterfactual with no opinion word: a complaint", lex_.where(m->entry->src),
               kCounterfactual);
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
          note("sentence " + std::to_string(si + 1),
               "exclamation without opinion words: excitement", "rule", kExcitement);
      }
      if (trace)
        note("sentence " + std::to_string(si + 1),
             "exclamation marks: +" + factor_text(boost) + " intensity", "rule", 0);
    }
  }

  // True when a number follows token `k` in the clause, after at most an article ("a 10").
  bool rating_after(std::uint32_t k, std::uint32_t end) const {
    for (std::uint32_t i = k; i < end && i < k + 2; ++i) {
      if (text.tokens[i].kind == TokenKind::Number) return true;
    }
    return false;
  }

  // A sentence that is only "grazie tante" / "thanks a lot", right after a complaint, is sarcasm:
  // its praise turns against what it thanks for.
  void sarcastic_thanks() {
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

  // True when positive `item` is what a stated cost in its clause was spent to get, a goal not a
  // fact: "waited 6 weeks to get it sorted", "ho aspettato tre settimane per avere la linea
  // funzionante". A few tokens after the cost, past "to" / "for" / "per".
  bool goal_of_cost(const Item& item, const Clause& clause) const {
    constexpr std::uint32_t kGoalReach = 8;
    // A cost spans at most a dozen tokens: the search starts that far back, so it stays linear.
    const std::uint32_t from = item.first - std::min<std::uint32_t>(item.first, 12 + kGoalReach);
    for (auto it = starting_at(items, from); it != items.end(); ++it) {
      const Item& cost = *it;
      if (cost.first >= item.first) break;
      if (!cost.fact || cost.first < clause.first_token || item.first > cost.end + kGoalReach)
        continue;
      for (std::uint32_t k = cost.end; k < item.first; ++k) {
        const std::string_view w = text.tokens[k].norm;
        if (lang_code == Lang::It ? (w == "per" || w == "finché")
                                  : (w == "to" || w == "for" || w == "until"))
          return true;
      }
    }
    return false;
  }

  // One entry with the modifiers before it in its clause, added to the clause.
  void score_entry(const Item& item) {
    Clause& clause = clause_of(item.first);
    // Explanations are built only for `explain`: they cost more than the scoring itself.
    const std::string subject = trace ? span_text(text, item.first, item.end) : std::string();
    double v = item.valence;
    if (trace) {
      note(subject,
           item.emoji          ? "emoji"
           : item.interjection ? "interjection: the writer's own feeling, not negated or asked"
           : item.fact         ? "a cost in time stated as a fact"
                               : "lexicon entry",
           item.fact ? std::string("rule") : lex_.where(item.src), v);
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
    if (negator) negation_used[&clause - clauses.data()] = true;
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
    if (v > 0 && few_of_many(text, lang_code, clause.first_token, item.first)) {
      v = -v * kCounterfactualPositive;
      if (trace) note(subject, "only a few out of many: praise for too few, x-0.3", "rule", v);
    }
    if (v > 0 && goal_of_cost(item, clause)) {
      v = 0;
      if (trace)
        note(subject, "what a stated wait was spent to get: a goal, not praise", "rule", v);
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
    result.opinions.push_back({item.first, item.end, v});
  }

  // 4. Compound: the weighted clauses of the whole comment, squashed, and the label.
  // Strong opinions both ways make a comment mixed ("food great, service terrible"), unless those
  // of one side are only conceded: before a contrast word or in a concessive clause ("nice, but
  // it arrived broken", "despite the delay, impeccable"). Then the other side is the verdict.
  void compound() {
    double raw = 0;
    bool strong_pos = false, strong_neg = false, kept_pos = false, kept_neg = false;
    for (const Clause& c : result.clauses) {
      raw += c.raw * c.weight;
      result.entries += c.entries;
      strong_pos = strong_pos || c.raw >= kMixedThreshold;
      strong_neg = strong_neg || c.raw <= -kMixedThreshold;
      kept_pos = kept_pos || (!c.conceded && c.raw >= kMixedThreshold);
      kept_neg = kept_neg || (!c.conceded && c.raw <= -kMixedThreshold);
    }
    result.compound = squash(raw);
    // The verdict holds when the weighted whole leans its way too.
    const bool verdict = kept_pos ? result.compound >= 0.05 : result.compound <= -0.05;
    if (strong_pos && strong_neg && kept_pos != kept_neg && verdict) {
      result.label = kept_pos ? SentimentLabel::Positive : SentimentLabel::Negative;
    } else if (strong_pos && strong_neg) {
      result.label = SentimentLabel::Mixed;
    } else if (result.compound >= 0.05) {
      result.label = SentimentLabel::Positive;
    } else if (result.compound <= -0.05) {
      result.label = SentimentLabel::Negative;
    } else {
      result.label = SentimentLabel::Neutral;
    }
  }

  const Lexicons& lex_;
  const LanguageLexicon& lang;
  const Lang lang_code;
  const TokenizedText& text;
  std::vector<TraceStep>* trace;
  SentimentResult& result;
  std::vector<Item>& items;
  std::vector<Modifier>& mods;
  std::vector<bool>& in_modifier;
  std::vector<Clause>& clauses;
  std::vector<bool>& negation_used;          // per clause: a negator took an opinion word
  std::vector<double>& negation_boost_of;    // per clause: its strongest "at all"
  std::vector<std::uint32_t>& plain_before;  // per token: non-modifier tokens before it
  const bool shouting;                       // the whole comment in capitals
  std::uint32_t segment = 0;
  std::size_t previous_sentence = 0;  // where the clauses of the sentence before start
  std::uint32_t si = 0;               // the sentence being scored
  Sentence sent;
  QuestionScope question;
  int exclamations = 0;
  std::size_t next_mod = 0;       // the first modifier at or after the entry being scored
  std::size_t last_irrealis = 0;  // the last irrealis modifier before it, or mods.size()
};

}  // namespace

const char* label_name(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::Positive:
      return "positive";
    case SentimentLabel::Negative:
      return "negative";
    case SentimentLabel::Neutral:
      return "neutral";
    case SentimentLabel::Mixed:
      return "mixed";
  }
  return "neutral";
}

bool joins_statements(std::string_view word, Lang lang) {
  return lang == Lang::It ? (word == "e" || word == "ed") : (word == "and" || word == "&");
}

double squash(double raw) {
  if (std::isnan(raw)) return 0;
  // raw * raw overflows beyond 1e154; the result is +-1 to double precision long before.
  if (std::abs(raw) > 1e100) return raw > 0 ? 1 : -1;
  return raw / std::sqrt(raw * raw + 15.0);
}

SentimentResult SentimentScorer::score(const TokenizedText& text, Lang lang,
                                       std::vector<TraceStep>* trace) const {
  SentimentResult result;
  SentimentScratch scratch;
  score(text, lang, trace, result, scratch);
  return result;
}

void SentimentScorer::score(const TokenizedText& text, Lang lang, std::vector<TraceStep>* trace,
                            SentimentResult& result, SentimentScratch& scratch) const {
  Pass(lex_, lang, text, trace, result, scratch).run();
}

}  // namespace ascolto

#include "analysis/sentiment.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "analysis/sentiment_narratives.h"
#include "analysis/sentiment_pass.h"
#include "analysis/sentiment_rules.h"
#include "text/normalizer.h"

namespace ascolto {
namespace {

constexpr double kTimeCost = -1.5;       // "took 7 weeks", "ci hanno messo tre settimane"
constexpr double kFailure = -1.5;        // "they cancelled my order", "hanno annullato l'ordine"
constexpr double kDuty = -1.0;           // "you should provide", "dovrebbero fornire"
constexpr double kPromise = -1.0;        // "I was told it would be", "doveva essere"
constexpr double kPrice = -1.0;          // "over £90", "£50 for a router?"
constexpr double kSpeed = 1.5;           // "all done within 2 hours", "tutto fatto in due ore"
constexpr double kExcess = -1.4;         // "too high", "troppo piccolo"
constexpr double kMixedThreshold = 1.5;  // a clause this strong in each direction -> mixed
constexpr double kMixedBalance = 0.35;   // and the weaker side at least this share of the other
// Bounds that keep every product finite whatever the input ("ma" x1800 multiplied a clause's
// weight by 1.5 each time, to infinity and then NaN).
constexpr double kMaxClauseWeight = 16.0;  // four contrasts of x2 in one sentence
// A cap that keeps the time linear in the comment's length (README, "Limits"): what lies beyond
// it in a pathological comment ("ma" x300,000) is not read.
constexpr int kMaxContrasts = 8;  // contrast words that weigh a sentence's clauses

// Multiplies a clause's contrast weight, within [0, kMaxClauseWeight].
void weigh(Clause& c, double factor) {
  c.weight = std::clamp(c.weight * factor, 0.0, kMaxClauseWeight);
}

double fact_valence(Fact f) {
  switch (f) {
    case Fact::Cost:
      return kTimeCost;
    case Fact::Failure:
      return kFailure;
    case Fact::Duty:
      return kDuty;
    case Fact::Promise:
      return kPromise;
    case Fact::Price:
      return kPrice;
    case Fact::Speed:
      return kSpeed;
    case Fact::None:
      break;
  }
  return 0;
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

}  // namespace

SentimentPass::SentimentPass(const Lexicons& lex, Lang lang_code, const TokenizedText& text,
                             std::vector<TraceStep>* trace, SentimentResult& result,
                             SentimentScratch& scratch)
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

void SentimentPass::run() {
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

// 1. Entries: the longest lexicon or modifier match at each position of the sentence.
void SentimentPass::find_entries() {
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
    // A narrative stated as a fact, over a shorter entry ("waiting" in "waiting 6 weeks"): "took 7
    // weeks", "called 5 times", "they cancelled my order", "you should provide", "over £90".
    if (const Narrative n = narrative_at(text, lang_code, i, sent.end_token);
        n.length > (sm ? sm->length : 0) && n.length > (mm ? mm->length : 0)) {
      items.push_back({.first = i,
                       .end = i + n.length,
                       .valence = fact_valence(n.fact),
                       .fact = n.fact,
                       .src = {}});
      i += n.length;
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
        items.push_back({.first = i, .end = next + 1, .valence = kExcess, .src = mm->payload->src});
        i = next + 1;
        continue;
      }
    }
    if (mm && mm->payload->kind == ModifierKind::Contrast &&
        yet_closes_negation(text, lang_code, i, sent.end_token)) {
      ++i;  // "not connected yet so ...": "not yet", no contrast
      continue;
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
void SentimentPass::split_clauses() {
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
Clause& SentimentPass::clause_of(std::uint32_t tok) {
  const auto after =
      std::upper_bound(clauses.begin(), clauses.end(), tok,
                       [](std::uint32_t t, const Clause& c) { return t < c.first_token; });
  if (after != clauses.begin() && tok < std::prev(after)->end_token) return *std::prev(after);
  return clauses.back();
}

// Contrast and concessive weights of the clauses.
void SentimentPass::weigh_clauses() {
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
        for (auto c = result.clauses.begin() + previous_sentence; c != result.clauses.end(); ++c) {
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

// 4. Compound: the weighted clauses of the whole comment, squashed, and the label.
// Strong opinions both ways make a comment mixed ("food great, service terrible"), unless those
// of one side are only conceded: before a contrast word or in a concessive clause ("nice, but
// it arrived broken", "despite the delay, impeccable"). Then the other side is the verdict.
void SentimentPass::compound() {
  double raw = 0;
  bool strong_pos = false, strong_neg = false, kept_pos = false, kept_neg = false;
  double pos = 0, neg = 0;
  for (const Clause& c : result.clauses) {
    raw += c.raw * c.weight;
    (c.raw > 0 ? pos : neg) += std::abs(c.raw * c.weight);
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
  } else if (strong_pos && strong_neg && std::min(pos, neg) >= kMixedBalance * std::max(pos, neg)) {
    result.label = SentimentLabel::Mixed;
  } else if (result.compound >= 0.05) {
    result.label = SentimentLabel::Positive;
  } else if (result.compound <= -0.05) {
    result.label = SentimentLabel::Negative;
  } else {
    result.label = SentimentLabel::Neutral;
  }
}

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
  SentimentPass(lex_, lang, text, trace, result, scratch).run();
}

}  // namespace ascolto

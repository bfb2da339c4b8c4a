#include "analysis/signals.h"

#include <algorithm>

namespace ascolto {
namespace {

constexpr std::uint32_t kNegationReach = 3;   // tokens before a phrase that can negate it
constexpr double kRhetoricalQuestion = -0.3;  // a question this negative is a complaint
constexpr double kIntentThreshold = 0.05;     // the neutral band of a sentence's sentiment

bool negated_before(const TokenizedText& text, const Sentence& sent, const LanguageLexicon& lang,
                    std::uint32_t first) {
  for (std::uint32_t back = 1; back <= kNegationReach && first >= sent.first_token + back; ++back) {
    const std::uint32_t i = first - back;
    if (is_clause_boundary(text.tokens[i])) return false;
    const auto m = lang.modifiers.longest(text.tokens, i, first);
    if (m && m->payload->kind == ModifierKind::Negator) return true;
  }
  return false;
}

}  // namespace

std::vector<SignalSpan> SignalDetector::detect(const TokenizedText& text,
                                               const std::vector<SentenceText>& sentence_texts,
                                               Lang lang_code) const {
  const LanguageLexicon& lang = lex_.lang(lang_code);
  std::vector<SignalSpan> found;
  for (std::uint32_t si = 0; si < text.sentences.size(); ++si) {
    const Sentence& sent = text.sentences[si];
    // A rule that re-finds a phrase already found (same kind, overlapping) adds nothing.
    const auto add = [&](SignalKind kind, std::uint32_t first, std::uint32_t end, EntrySource src) {
      const bool seen = std::any_of(found.begin(), found.end(), [&](const SignalSpan& f) {
        return f.kind == kind && f.sentence == si && f.first_token < end && first < f.end_token;
      });
      if (!seen)
        found.push_back({kind, si, first, end, negated_before(text, sent, lang, first), src});
    };
    lang.signals.for_each_match(text.tokens, sent.first_token, sent.end_token,
                                [&](std::size_t begin, std::size_t stop, const SignalHits& hits) {
                                  for (const SignalHit& h : hits) {
                                    add(h.kind, static_cast<std::uint32_t>(begin),
                                        static_cast<std::uint32_t>(stop), h.src);
                                  }
                                });
    if (!lang.rule_set) continue;
    for_each_rule_match(lang.signal_rules, lang.rules.size(), sentence_texts[si],
                        [&](std::size_t r, std::uint32_t first, std::uint32_t end) {
                          const SignalRule& rule = lang.signal_rules[r];
                          add(rule.kind, first, end, rule.src);
                        });
  }
  return found;
}

Signals summarize(const std::vector<SignalSpan>& spans) {
  Signals s;
  for (const SignalSpan& span : spans) {
    switch (span.kind) {
      case SignalKind::Churn:
        s.churn_intent |= !span.negated;
        break;
      case SignalKind::Stay:
        s.churn_intent |= span.negated;
        break;
      case SignalKind::RepeatContact:
        s.repeat_contact |= !span.negated;
        break;
      case SignalKind::Recommend:
        if (span.negated) {
          s.recommendation = Recommendation::Refuses;
        } else if (s.recommendation == Recommendation::None) {
          s.recommendation = Recommendation::Recommends;
        }
        break;
      case SignalKind::Discourage:
        if (!span.negated) s.recommendation = Recommendation::Refuses;
        break;
      case SignalKind::Suggestion:
        break;
    }
  }
  return s;
}

std::vector<Intent> sentence_intents(const TokenizedText& text, const SentimentResult& sentiment,
                                     const std::vector<SignalSpan>& spans) {
  const std::size_t n = text.sentences.size();
  std::vector<Intent> intents(n, Intent::Neutral);
  // One pass over the clauses and the spans, not one per sentence (linear in the comment).
  std::vector<double> raws(n, 0.0);
  for (const Clause& c : sentiment.clauses) {
    if (c.sentence < n) raws[c.sentence] += c.raw * c.weight;
  }
  std::vector<bool> suggestion(n, false), negated_suggestion(n, false);
  for (const SignalSpan& s : spans) {
    if (s.sentence >= n || s.kind != SignalKind::Suggestion) continue;
    (s.negated ? negated_suggestion : suggestion)[s.sentence] = true;
  }
  for (std::uint32_t si = 0; si < n; ++si) {
    const double score = squash(raws[si]);
    const Sentence& sent = text.sentences[si];
    const bool asks =
        std::any_of(text.tokens.begin() + sent.first_token, text.tokens.begin() + sent.end_token,
                    [](const Token& t) { return t.norm == "?"; });
    // A negated suggestion in a positive sentence is praise: "non c'è niente da migliorare",
    // "nothing to improve". Negative advice stays a suggestion: "non dovreste chiudere alle 18".
    const bool suggests = suggestion[si] || (negated_suggestion[si] && score < kIntentThreshold);
    if (suggests) {
      intents[si] = Intent::Suggestion;
    } else if (asks && score > kRhetoricalQuestion) {
      intents[si] = Intent::Question;
    } else if (score >= kIntentThreshold) {
      intents[si] = Intent::Praise;
    } else if (score <= -kIntentThreshold) {
      intents[si] = Intent::Complaint;
    }
  }
  return intents;
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

Intent mention_intent(Intent sentence, double mention_sentiment) {
  if (sentence == Intent::Suggestion || sentence == Intent::Question) return sentence;
  if (mention_sentiment >= kIntentThreshold) return Intent::Praise;
  if (mention_sentiment <= -kIntentThreshold) return Intent::Complaint;
  return sentence;
}

}  // namespace ascolto

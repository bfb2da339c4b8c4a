// Narratives without opinion words, for the sentiment scorer: what a customer states as facts
// that are complaints by themselves, beyond costs (sentiment_costs.h): a process that failed ("they
// cancelled my order"), a duty not fulfilled ("you should provide"), a promise reported ("I was
// told it would be"), a price asked back ("£50 for a router?"); and what turns praise around: the
// goal of an effort ("called to get a better deal"), a competitor's advantage ("other providers
// were cheaper"). Pure functions over tokens; each reads a bounded number of tokens, so the scorer
// stays linear.
//
//   const Narrative n = narrative_at(tokens, Lang::En, k, sentence_end);  // n.fact, n.length
#pragma once

#include <cstdint>

#include "analysis/sentiment.h"
#include "analysis/sentiment_costs.h"
#include "text/language.h"
#include "text/tokenizer.h"

namespace ascolto {

// The longest narrative stated as a fact starting at token `k` (before `end`): its kind and its
// length in tokens, or {Fact::None, 0}.
struct Narrative {
  Fact fact = Fact::None;
  std::uint32_t length = 0;
};
Narrative narrative_at(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end);

// How many tokens from `k` state a process that failed, or 0: "cancelled my order", "the order was
// cancelled", "appointment cancelled", "hanno annullato l'ordine", "appuntamento saltato". Not
// what the customer did: "I cancelled my order", "ho annullato l'ordine".
std::uint32_t failed_process(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end);

// How many tokens from `k` state a duty the company does not fulfil, or 0: "(you) should provide",
// "(they) need to train", "should be more helpful", "dovrebbero fornire", "dovete formare". Not an
// expectation ("should be fine", "dovrebbe andare bene") nor the customer's own duty ("I need to
// call").
std::uint32_t unmet_duty(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end);

// How many tokens from `k` report a promise of what would happen, the mark of one not kept, or 0:
// "I was told (it would be active)", "promised to call", "was supposed to", "mi avevano detto (che
// sarebbe)", "doveva". Not one kept: "as promised", "come promesso".
std::uint32_t broken_promise(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end);

// How many tokens from `k` state a price as a complaint, or 0: a high amount ("over £90", "more
// than 50 pounds", "oltre 90 euro"; not one saved or refunded) or one asked back ("£50 for a
// router?", "50 euro per un modem?").
std::uint32_t price_complaint(const TokenizedText& t, Lang lang, std::uint32_t k,
                              std::uint32_t end);

// True when the opinion at token `to` is what an effort in its clause (from `from`) was made to
// get, a goal not a verdict: "I called to get a better deal", "waiting for someone to say it is
// resolved", "ho chiamato per avere uno sconto". Not what was said: "I wanted to say ... great".
bool purpose_of_effort(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t to);

// True when the comparative opinion at token `first` ("cheaper", "better", "più economico") is
// said of a competitor named in its clause [from, end): "other providers were cheaper", "found a
// better deal elsewhere", "la concorrenza è più conveniente". Not when the competitor is what we
// are compared against: "cheaper than other providers".
bool competitor_comparison(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t end,
                           std::uint32_t first);

}  // namespace ascolto

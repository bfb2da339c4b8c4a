// Costs a customer states as facts, complaints without opinion words: in time ("took 7 weeks",
// "two months later", "ci hanno messo tre settimane"), in effort ("called them 5 times", "hours
// on the phone", "had to give my details again", "tre telefonate"), and praise for only a few out
// of many ("only 1 out of 15 was helpful"). Pure functions over tokens, each reading a bounded
// number of tokens.
//
//   if (std::uint32_t n = time_cost(tokens, Lang::En, k, sentence_end)) { /* [k, k+n) a cost */ }
#pragma once

#include <cstdint>

#include "text/language.h"
#include "text/tokenizer.h"

namespace ascolto {

// How many tokens from `k` state a cost in time as a fact, or 0: "took 7 weeks", "waited over
// three hours", "ci hanno messo tre settimane". Not after "only" / "solo" ("only took two days").
std::uint32_t time_cost(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end);

// How many tokens from `k` state repeated effort to reach the company, or 0: "5 calls", "called
// them 5 times", "chiamato 5 volte", "tre telefonate". At least three; not after "only" / "solo".
std::uint32_t effort_cost(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end);

// True when [from, to) ends with a few out of many, which makes the praise after it a complaint:
// "only 1 person out of about 15 I spoke to was helpful", "solo 2 su 10 sono stati gentili".
bool few_of_many(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t to);

}  // namespace ascolto

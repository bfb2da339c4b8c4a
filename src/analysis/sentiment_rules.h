// The sentiment scorer's rules on words and spans (src/analysis/sentiment.cpp applies them phase
// by phase): Italian superlatives, emphatic emoticons, negation closed by "and", exclamative
// comparisons ("never been treated so rudely"), a negator that states a lack ("no hot water"),
// "-free" suffixes, negative concord, boosters that stand for an opinion word. Pure functions.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "analysis/sentiment.h"
#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

// The normalized tokens [first, end) joined by spaces, for explanations.
std::string span_text(const TokenizedText& t, std::uint32_t first, std::uint32_t end);

// The entry of an Italian superlative's base: "lentissimo" -> "lento"; null when none.
const SentimentEntry* superlative_base(const LanguageLexicon& lang, const std::string& w);

// Every run of one repeated character shortened to that character (":)))" -> ":)").
std::string squeeze_runs(std::string_view s);

// True when "and" / "e" lies between a negator ending at `from` and an entry at `to`, after at
// least one word: the negation took what came first ("not pretentious and very cheap").
bool closed_by_conjunction(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t to);

// True when the negator in [from, opinion_first) and the opinion [opinion_first, opinion_end)
// form an exclamative comparison, which says the opinion strongly ("mai mangiato così bene",
// "not eaten so well in years"); the clause ends at clause_end.
bool exclamative_comparison(const TokenizedText& t, Lang lang, std::uint32_t from,
                            std::uint32_t opinion_first, std::uint32_t opinion_end,
                            std::uint32_t clause_end);

// The first of `v` (in token order) that starts at or after token `tok`.
template <typename Range>
auto starting_at(const Range& v, std::uint32_t tok) {
  return std::lower_bound(v.begin(), v.end(), tok,
                          [](const auto& x, std::uint32_t t) { return x.first < t; });
}

// The strong negator of clause `c` (before a closing tag at `tag_from`) that took no opinion
// word and so states a lack: "no hot water", "non mi hanno risposto"; null when none.
const SentimentModifier* lacking_negator(const TokenizedText& t, Lang lang, const Clause& c,
                                         std::span<const SentimentModifier> mods,
                                         std::span<const SentimentItem> items,
                                         std::uint32_t tag_from);

// True when the negator ending at `from` already took a verb, a past participle right before the
// negative opinion at `to` (after at most a degree word): "still not connected VERY UNHAPPY",
// "non attivato, molto deluso" read as two statements; the opinion is not negated. Not a verb that
// takes the opinion as its object ("never experienced problems", "mai avuto problemi") nor a
// copula ("not seemed bothered", "non sono rimasto deluso").
bool negation_took_verb(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t to);

// True when the English "yet" at `k` closes a negated clause ("we're not connected yet so ...",
// "haven't tried it yet."), a "not yet", not the contrast "yet" ("small yet powerful"): a negator
// within four tokens before it and the clause ending right after it.
bool yet_closes_negation(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end);

// True for an article or possessive ("the", "my", "il", "mio", "l'"): "lost my discount" says
// of the discount what "lost discount" would.
bool determiner(std::string_view word, Lang lang);

// True when [from, end) opens with an exception: "apart from", "except (for)", "other than",
// "save for", "a parte", "tranne", "eccetto", "salvo", "ad eccezione di" ("fine apart from the
// router being sent too early": what follows goes against the clause it is an exception to).
bool opens_exception(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t end);

// True when [from, end) states something too early to judge, not a lack: a first experience
// ("never been here before"), something not tried yet ("haven't tried it yet", "non ho ancora
// provato"), a bill not had yet ("non ho ancora ricevuto la bolletta"), a rating withheld until
// something happens ("can't give a 10 until it is installed"). "before" counts only after a
// negator (`negated`: "never been here before"); by itself it is a time ("dispatched 5 weeks
// before the activation date").
bool first_experience(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t end,
                      bool negated);

// How many tokens from `k` make the English suffix "free" / "-free" ("guilt-free"), or 0.
std::uint32_t free_suffix(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end);

// True when `first`, an entry's first token, is a negator itself ("nessun" in "nessun problema").
bool opens_with_negator(const LanguageLexicon& lang, const Token& first);

// True when the irrealis modifier [first, end) is in the past, a counterfactual: "would have been",
// "should have", "sarebbe stato", "avrebbero dovuto". What it wishes for did not happen.
bool counterfactual(const TokenizedText& t, Lang lang, std::uint32_t first, std::uint32_t end);

// A weight as the explanation prints it ("1.50").
std::string factor_text(double v);

// Boosters, dampeners and excess words: the modifiers that scale an opinion.
bool intensity(ModifierKind k);

// A booster also listed as an opinion word ("damn", "crazy") is that opinion word when no opinion
// word follows it within its reach in the sentence: "Damn this is sticky", "So crazy."
bool intensifies_nothing(const TokenizedText& text, const LanguageLexicon& lang,
                         const ModifierEntry& m, std::uint32_t end, std::uint32_t sentence_end);

}  // namespace ascolto

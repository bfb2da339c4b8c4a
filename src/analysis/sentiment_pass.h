// One scoring of one comment by `SentimentScorer` (internal to src/analysis), phase by phase over
// each sentence: entries (the longest lexicon or modifier match at each token), clauses (split at
// punctuation and contrast words, then weighed), modifiers (each entry adjusted by those of its
// clause, then refusals, lacks, counterfactuals and exclamations) and, once all sentences are
// scored, the compound of all clauses and the label. Its working buffers are the caller's
// `SentimentScratch`; it writes `result`. Entries, clauses and the compound are in sentiment.cpp,
// the modifier phase in sentiment_modifiers.cpp.
//
//   SentimentPass(lexicons, Lang::En, tokens, nullptr, result, scratch).run();
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/questions.h"
#include "analysis/sentiment.h"
#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

class SentimentPass {
 public:
  SentimentPass(const Lexicons& lex, Lang lang_code, const TokenizedText& text,
                std::vector<TraceStep>* trace, SentimentResult& result, SentimentScratch& scratch);

  // Scores every sentence, then the compound, into `result`.
  void run();

 private:
  using Item = SentimentItem;
  using Modifier = SentimentModifier;

  // Callers test `trace` first, so no explanation string is built when nobody asked for one.
  void note(std::string subject, std::string action, std::string source, double v) {
    trace->push_back({std::move(subject), std::move(action), std::move(source), v});
  }

  // sentiment.cpp
  void find_entries();                   // 1. entries and modifiers of the sentence
  void split_clauses();                  // 2. clauses, split at punctuation and contrast words
  Clause& clause_of(std::uint32_t tok);  // the clause of the sentence that holds token `tok`
  void weigh_clauses();                  // contrast and concessive weights
  void compound();                       // 4. the comment's compound and label

  // sentiment_modifiers.cpp
  void apply_modifiers();  // 3. every entry with its modifiers; refusals, lacks, exclamations
  void score_entry(const Item& item);
  bool rating_after(std::uint32_t k, std::uint32_t end) const;
  void sarcastic_thanks();
  bool goal_of_fact(const Item& item, const Clause& clause) const;
  bool resolved_after(const Item& item, const Clause& clause) const;

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
  std::size_t next_mod = 0;                // the first modifier at or after the entry being scored
  std::size_t last_irrealis = 0;           // the last irrealis modifier before it, or mods.size()
  const Modifier* last_negator = nullptr;  // the negator of the last negated entry
  std::uint32_t last_negated_end = 0;      // where that entry ends
};

}  // namespace ascolto

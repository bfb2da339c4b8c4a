// Finds theme mentions in a tokenized comment: lexicon terms, prefixes and phrases by longest
// match over tokens, and RE2 rules (one RE2::Set pass per sentence over its normalized text).
// Overlapping mentions of the same theme collapse to one; a parent theme is dropped from a
// sentence that mentions one of its subthemes (the subtheme says more). Pure and thread-safe.
//
//   ThemeTagger tagger(lexicons);
//   std::vector<ThemeSpan> spans;
//   tagger.tag(tokens, sentence_texts, Lang::En, spans);
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/sentence_text.h"
#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

struct ThemeSpan {
  std::uint16_t theme = 0;
  std::uint32_t sentence = 0;
  std::uint32_t first_token = 0, end_token = 0;
  EntrySource src;
  float valence = 0;  // what the pattern states by itself (ThemeContext::valence), 0 = nothing
};

class ThemeTagger {
 public:
  explicit ThemeTagger(const Lexicons& lexicons) : lex_(lexicons) {}
  // Replaces `spans` with the mentions of `text` (its buffer is reused). `sentence_texts` holds
  // the SentenceText of each sentence (build_sentence_texts); it is read only when the language
  // has RE2 rules (a rule_set).
  void tag(const TokenizedText& text, const std::vector<SentenceText>& sentence_texts, Lang lang,
           std::vector<ThemeSpan>& spans) const;

 private:
  const Lexicons& lex_;
};

}  // namespace ascolto

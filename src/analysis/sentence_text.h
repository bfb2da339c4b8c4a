// A sentence as RE2 rules see it: its tokens' lookup forms, one space where the original had a
// gap or a contraction was split ("I'm" reads "i am"; "l'assistenza" stays "l'assistenza"), and
// the map back from a regex match to tokens.
// Shared by the theme tagger and the signal detector; reused per sentence to avoid allocation.
//
//   SentenceText st; st.build(text, sentence);
//   auto [first, end] = st.tokens_of(match_begin, match_end);
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "text/tokenizer.h"

namespace ascolto {

class SentenceText {
 public:
  void build(const TokenizedText& text, const Sentence& sentence);
  const std::string& str() const { return text_; }
  // The token range [first, end) overlapping the bytes [begin, stop) of str(); never empty.
  std::pair<std::uint32_t, std::uint32_t> tokens_of(std::size_t begin, std::size_t stop) const;

 private:
  std::string text_;
  std::vector<std::uint32_t> offsets_;  // start of each token in text_
  std::vector<std::uint32_t> lengths_;
  std::uint32_t first_token_ = 0;
};

}  // namespace ascolto

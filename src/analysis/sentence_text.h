// A sentence as RE2 rules see it: its tokens' lookup forms, one space where the original had a
// gap or a contraction was split ("I'm" reads "i am"; "l'assistenza" stays "l'assistenza"), and
// the map back from a regex match to tokens.
// Built once per sentence and read by both the theme tagger and the signal detector; reused
// between comments to avoid allocation.
//
//   std::vector<SentenceText> texts; build_sentence_texts(text, texts);
//   auto [first, end] = texts[0].tokens_of(match_begin, match_end);
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
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

// Builds out[i] for each sentence i of `text`. `out` only grows (entries past the last sentence
// are left from a longer comment), so its buffers are kept from one comment to the next.
void build_sentence_texts(const TokenizedText& text, std::vector<SentenceText>& out);

// Runs a language's RE2::Set over `text` and calls fn(rule_index, first_token, end_token) for each
// rule that matches, in rule order, with the tokens of its leftmost match. When the set's DFA runs
// out of its memory budget on this sentence, each rule is tried on its own rather than silently
// missing matches. `hits` is scratch space reused between sentences.
template <class Rule, class Fn>
void for_each_rule_match(const RE2::Set& set, const std::vector<Rule>& rules,
                         const SentenceText& text, std::vector<int>& hits, Fn&& fn) {
  const std::string& s = text.str();
  hits.clear();
  RE2::Set::ErrorInfo error;
  if (!set.Match(s, &hits, &error)) {
    if (error.kind != RE2::Set::kOutOfMemory) return;
    for (std::size_t r = 0; r < rules.size(); ++r) {
      if (RE2::PartialMatch(s, *rules[r].regex)) hits.push_back(static_cast<int>(r));
    }
  }
  std::sort(hits.begin(), hits.end());
  for (const int r : hits) {
    const auto index = static_cast<std::size_t>(r);
    re2::StringPiece m;
    if (!rules[index].regex->Match(s, 0, s.size(), RE2::UNANCHORED, &m, 1)) continue;
    const auto begin = static_cast<std::size_t>(m.data() - s.data());
    const auto [first, end] = text.tokens_of(begin, begin + m.size());
    fn(index, first, end);
  }
}

}  // namespace ascolto

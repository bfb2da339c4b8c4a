// A sentence as RE2 rules see it: its tokens' lookup forms, one space where the original had a
// gap or a contraction was split ("I'm" reads "i am"; "l'assistenza" stays "l'assistenza"), the
// map back from a regex match to tokens, and which of its language's rules match it (one
// RE2::Set pass for the theme and the signal rules together).
// Built once per sentence and read by both the theme tagger and the signal detector; reused
// between comments to avoid allocation.
//
//   std::vector<SentenceText> texts; build_sentence_texts(text, lexicons.en, texts);
//   auto [first, end] = texts[0].tokens_of(match_begin, match_end);
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

class SentenceText {
 public:
  // `lang.rule_set` must not be null.
  void build(const TokenizedText& text, const Sentence& sentence, const LanguageLexicon& lang);
  const std::string& str() const { return text_; }
  // The indices in `lang.rule_set` of the rules that match str(), ascending.
  const std::vector<int>& rule_hits() const { return hits_; }
  // The token range [first, end) overlapping the bytes [begin, stop) of str(); never empty.
  std::pair<std::uint32_t, std::uint32_t> tokens_of(std::size_t begin, std::size_t stop) const;

 private:
  std::string text_;
  std::vector<std::uint32_t> offsets_;  // start of each token in text_
  std::vector<std::uint32_t> ends_;     // end of each token in text_
  std::uint32_t first_token_ = 0;
  std::vector<int> hits_;

  void match_rules(const LanguageLexicon& lang);
};

// Builds out[i] for each sentence i of `text`. `out` only grows (entries past the last sentence
// are left from a longer comment), so its buffers are kept from one comment to the next.
void build_sentence_texts(const TokenizedText& text, const LanguageLexicon& lang,
                          std::vector<SentenceText>& out);

// Calls fn(rule_index, first_token, end_token) for each of `rules` that matches `text`, in rule
// order, with the tokens of its leftmost match. `rules` hold the indices of the language's
// rule_set from `first_index` on.
template <class Rule, class Fn>
void for_each_rule_match(const std::vector<Rule>& rules, std::size_t first_index,
                         const SentenceText& text, Fn&& fn) {
  const std::string& s = text.str();
  const std::vector<int>& hits = text.rule_hits();
  const auto first = static_cast<int>(first_index);
  const auto end = static_cast<int>(first_index + rules.size());
  for (auto h = std::lower_bound(hits.begin(), hits.end(), first); h != hits.end() && *h < end;
       ++h) {
    const auto index = static_cast<std::size_t>(*h - first);
    re2::StringPiece m;
    if (!rules[index].regex->Match(s, 0, s.size(), RE2::UNANCHORED, &m, 1)) continue;
    const auto begin = static_cast<std::size_t>(m.data() - s.data());
    const auto [first_token, end_token] = text.tokens_of(begin, begin + m.size());
    fn(index, first_token, end_token);
  }
}

}  // namespace ascolto

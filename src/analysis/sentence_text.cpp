#include "analysis/sentence_text.h"

#include <re2/set.h>

#include <algorithm>

namespace ascolto {
namespace {

// A space in the rule text where the original had one, and between the two words of a split
// contraction ("don't" reads "do not", "I'm" reads "i am"); an elision stays attached
// ("l'assistenza", "it's").
bool gap_before(const Token& prev, const Token& cur) {
  if (cur.space_before) return true;
  const auto word = [](const Token& t) {
    return t.kind == TokenKind::Word || t.kind == TokenKind::Number;
  };
  return word(prev) && word(cur) && prev.norm.back() != '\'' && cur.norm.front() != '\'';
}

}  // namespace

void SentenceText::build(const TokenizedText& text, const Sentence& sentence,
                         const LanguageLexicon& lang) {
  text_.clear();
  offsets_.clear();
  ends_.clear();
  first_token_ = sentence.first_token;
  for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    if (i > sentence.first_token && gap_before(text.tokens[i - 1], text.tokens[i])) text_ += ' ';
    offsets_.push_back(static_cast<std::uint32_t>(text_.size()));
    text_ += text.tokens[i].norm;
    ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  }
  match_rules(lang);
}

// When the set's DFA runs out of its memory budget on this sentence, each rule is tried on its
// own rather than silently missing matches.
void SentenceText::match_rules(const LanguageLexicon& lang) {
  hits_.clear();
  RE2::Set::ErrorInfo error;
  if (!lang.rule_set->Match(text_, &hits_, &error)) {
    if (error.kind != RE2::Set::kOutOfMemory) return;
    hits_.clear();
    int index = 0;
    const auto try_each = [&](const auto& rules) {
      for (const auto& rule : rules) {
        if (RE2::PartialMatch(text_, *rule.regex)) hits_.push_back(index);
        ++index;
      }
    };
    try_each(lang.rules);
    try_each(lang.signal_rules);
  }
  std::sort(hits_.begin(), hits_.end());
}

void build_sentence_texts(const TokenizedText& text, const LanguageLexicon& lang,
                          std::vector<SentenceText>& out) {
  if (out.size() < text.sentences.size()) out.resize(text.sentences.size());
  for (std::size_t i = 0; i < text.sentences.size(); ++i) {
    out[i].build(text, text.sentences[i], lang);
  }
}

std::pair<std::uint32_t, std::uint32_t> SentenceText::tokens_of(std::size_t begin,
                                                                std::size_t stop) const {
  // Both are ascending: the tokens ending by `begin` and those starting before `stop` are prefixes.
  auto first = static_cast<std::uint32_t>(std::upper_bound(ends_.begin(), ends_.end(), begin) -
                                          ends_.begin());
  auto last = static_cast<std::uint32_t>(std::lower_bound(offsets_.begin(), offsets_.end(), stop) -
                                         offsets_.begin());
  const auto count = static_cast<std::uint32_t>(offsets_.size());
  first = std::min(first, count == 0 ? 0 : count - 1);
  last = std::min(std::max(last, first + 1), std::max<std::uint32_t>(count, 1));
  return {first_token_ + first, first_token_ + last};
}

}  // namespace ascolto

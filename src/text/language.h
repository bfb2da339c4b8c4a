// Italian / English / undetermined, per comment: each language has a vocabulary (stopwords plus
// opinion words only it has); the language whose words occur more wins, elisions and accented
// vowels count for Italian. Two languages need nothing heavier.
//
//   LanguageDetector d(it_words, en_words);
//   d.detect(tokens) == Lang::It
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "text/tokenizer.h"
#include "text/word_filter.h"

namespace ascolto {

enum class Lang { It, En, Und };

const char* lang_code(Lang lang);
// "it", "en", "und"; throws UsageError otherwise.
Lang parse_lang(std::string_view code);

class LanguageDetector {
 public:
  // word -> weight; stopwords typically 1, other distinctive words 0.5.
  using Vocabulary = std::unordered_map<std::string, float>;
  LanguageDetector() = default;
  LanguageDetector(Vocabulary italian, Vocabulary english);

  Lang detect(const TokenizedText& text) const;

 private:
  struct Weights {
    float italian = 0, english = 0;
  };
  // Both vocabularies in one map: one lookup per word, and most words turned away by the filter.
  std::unordered_map<std::string, Weights> words_;
  WordFilter filter_;
};

}  // namespace ascolto

#include "text/language.h"

#include "common/error.h"

namespace ascolto {

const char* lang_code(Lang lang) {
  switch (lang) {
    case Lang::It:
      return "it";
    case Lang::En:
      return "en";
    case Lang::Und:
      return "und";
  }
  return "und";
}

Lang parse_lang(std::string_view code) {
  if (code == "it") return Lang::It;
  if (code == "en") return Lang::En;
  if (code == "und" || code == "auto") return Lang::Und;
  throw UsageError("unknown language '" + std::string(code) + "'; expected it, en or auto");
}

LanguageDetector::LanguageDetector(Vocabulary italian, Vocabulary english) {
  for (const auto& [w, weight] : italian) words_[w].italian = weight;
  for (const auto& [w, weight] : english) words_[w].english = weight;
  for (const auto& [w, weights] : words_) filter_.add(w);
}

Lang LanguageDetector::detect(const TokenizedText& text) const {
  float it = 0, en = 0;
  for (const Token& t : text.tokens) {
    if (t.kind != TokenKind::Word) continue;
    if (filter_.may_contain(t.norm)) {
      if (const auto w = words_.find(t.norm); w != words_.end()) {
        it += w->second.italian;
        en += w->second.english;
      }
    }
    if (t.norm.size() >= 2 && t.norm.back() == '\'') it += 0.5f;  // elided article
    // A word ending in an accented vowel (perché, città, più) is almost surely Italian.
    // All of them are two bytes starting with 0xC3: most words skip the comparisons.
    const std::string_view n = t.norm;
    if (n.size() <= 2 || n[n.size() - 2] != '\xC3') continue;
    for (const std::string_view v : {"à", "è", "é", "ì", "ò", "ù"}) {
      if (n.substr(n.size() - v.size()) == v) it += 0.5f;
    }
  }
  if (it == en) return Lang::Und;
  return it > en ? Lang::It : Lang::En;
}

}  // namespace ascolto

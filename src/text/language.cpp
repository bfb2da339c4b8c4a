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

LanguageDetector::LanguageDetector(Vocabulary italian, Vocabulary english)
    : italian_(std::move(italian)), english_(std::move(english)) {}

Lang LanguageDetector::detect(const TokenizedText& text) const {
  float it = 0, en = 0;
  for (const Token& t : text.tokens) {
    if (t.kind != TokenKind::Word) continue;
    if (const auto i = italian_.find(t.norm); i != italian_.end()) it += i->second;
    if (const auto e = english_.find(t.norm); e != english_.end()) en += e->second;
    if (t.norm.size() >= 2 && t.norm.back() == '\'') it += 0.5f;  // elided article
    // A word ending in an accented vowel (perché, città, più) is almost surely Italian.
    const std::string_view n = t.norm;
    for (const std::string_view v : {"à", "è", "é", "ì", "ò", "ù"}) {
      if (n.size() > v.size() && n.substr(n.size() - v.size()) == v) it += 0.5f;
    }
  }
  if (it == en) return Lang::Und;
  return it > en ? Lang::It : Lang::En;
}

}  // namespace ascolto

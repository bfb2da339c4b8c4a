#include "analysis/questions.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace ascolto {
namespace {

// True when the words from token `k` on are `words`, in order.
bool words_at(const TokenizedText& t, std::uint32_t k, std::uint32_t end,
              std::initializer_list<std::string_view> words) {
  for (const std::string_view w : words) {
    if (norm_within(t, k++, end) != w) return false;
  }
  return true;
}

// A word that opens a question: "why", "is" (first in its clause), "perché", "quando".
bool interrogative(std::string_view w, Lang lang) {
  if (lang == Lang::It) {
    return one_of(w, {"perché", "perchè", "come", "chi", "quando", "dove", "quale", "quali",
                      "quanto", "quanta", "quanti", "quante", "cosa"});
  }
  return one_of(
      w, {"what", "why",    "how",   "who",  "whom", "whose", "when", "where", "which", "is",
          "are",  "was",    "were",  "am",   "do",   "does",  "did",  "can",   "could", "would",
          "will", "should", "shall", "have", "has",  "had",   "may",  "might", "must"});
}

// Words that may come before the word a clause opens with: "but why…", "e perché…", "@anna is…".
bool lead_in(const Token& tok, Lang lang) {
  if (tok.kind == TokenKind::Punct || tok.norm.starts_with('@')) return true;
  if (lang == Lang::It) {
    return one_of(tok.norm, {"e", "ma", "o", "allora", "però", "quindi", "poi", "oh", "ok", "beh",
                             "ehi", "dunque", "insomma", "comunque"});
  }
  return one_of(tok.norm, {"and", "but", "so", "or", "then", "oh", "well", "ok", "okay", "also",
                           "anyway", "now", "hey"});
}

// The first token of [first, end) after its lead-in words.
std::uint32_t opener(const TokenizedText& t, Lang lang, std::uint32_t first, std::uint32_t end) {
  while (first < end && lead_in(t.tokens[first], lang)) ++first;
  return first;
}

// A closing clause that asks the reader to agree with the statement before it: "right?", "isn't
// it?", "don't you think?", "vero?", "non trovi?".
bool agreement_tag(const TokenizedText& t, Lang lang, std::uint32_t first, std::uint32_t end) {
  std::string_view words[5];
  std::size_t n = 0;
  for (std::uint32_t k = first; k < end; ++k) {
    if (t.tokens[k].kind == TokenKind::Punct) continue;
    if (n == std::size(words)) return false;
    words[n++] = t.tokens[k].norm;
  }
  if (n == 0) return false;
  if (lang == Lang::It) {
    if (n == 1) return one_of(words[0], {"vero", "giusto", "no", "eh", "ok", "dai"});
    return words[0] == "non" && n == 2 &&
           one_of(words[1], {"trovi", "credi", "pensi", "trovate", "credete", "pensate"});
  }
  if (n == 1) {
    return one_of(words[0],
                  {"right", "eh", "huh", "no", "yes", "yeah", "ok", "okay", "innit", "correct"});
  }
  // An auxiliary, "not", a pronoun, then perhaps "think": "isn't it", "don't you think".
  std::size_t i = 0;
  if (!one_of(words[i++], {"is", "are", "was", "were", "do", "does", "did", "have", "has", "had",
                           "can", "could", "will", "would", "should"}))
    return false;
  if (words[i] == "not") ++i;
  if (i == n || !one_of(words[i++], {"it", "you", "they", "we", "he", "she", "i", "that", "there"}))
    return false;
  if (i < n && words[i] == "think") ++i;
  return i == n;
}

// "Is it just me or…", "Am I the only one who…", "Sbaglio o…", "Sono l'unico a cui…": a question
// that states its opinion and asks who shares it.
bool opinion_question(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  if (lang == Lang::It) {
    return words_at(t, k, end, {"sbaglio", "o"}) || words_at(t, k, end, {"sono", "l'", "unico"}) ||
           words_at(t, k, end, {"sono", "l'", "unica"}) ||
           words_at(t, k, end, {"è", "solo", "una", "mia", "impressione"});
  }
  return words_at(t, k, end, {"is", "it", "just", "me"}) ||
         words_at(t, k, end, {"is", "it", "only", "me"}) ||
         words_at(t, k, end, {"am", "i", "the", "only", "one"});
}

// A question that asks for agreement with its own opinion, so its negation does not flip it:
// "isn't it great?", "who doesn't love free delivery?", "non è fantastico?", "chi non ama…?".
// "Why isn't it working?" is a complaint and stays negated.
bool rhetorical_question(const TokenizedText& t, Lang lang, std::uint32_t first,
                         std::uint32_t end) {
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  const std::uint32_t k = first + (word(first) == (lang == Lang::It ? "chi" : "who"));
  if (lang == Lang::It) return word(k) == "non";
  return word(k + 1) == "not" && word(k) != "why" && word(k) != "how" &&
         interrogative(word(k), lang);
}

bool ends_with_question_mark(const TokenizedText& t, const Sentence& s) {
  for (std::uint32_t i = s.end_token; i > s.first_token; --i) {
    const Token& tok = t.tokens[i - 1];
    if (tok.kind != TokenKind::Punct) return false;
    if (tok.norm == "?") return true;
  }
  return false;
}

}  // namespace

QuestionScope question_scope(const TokenizedText& t, Lang lang, const Sentence& sentence,
                             std::span<const Clause> clauses) {
  QuestionScope q{.from = sentence.first_token, .tag_from = sentence.end_token};
  q.marked = ends_with_question_mark(t, sentence);
  if (!q.marked) return q;
  if (clauses.size() > 1 &&
      agreement_tag(t, lang, clauses.back().first_token, clauses.back().end_token)) {
    q.tag_from = clauses.back().first_token;
    return q;
  }
  if (opinion_question(t, lang, opener(t, lang, sentence.first_token, sentence.end_token),
                       sentence.end_token))
    return q;
  q.asks = true;
  // The question starts at the first clause that opens with a question word ("Great food, but
  // why so expensive?"), or covers the sentence when none does ("Il menu è buono?").
  for (const Clause& c : clauses) {
    const std::uint32_t k = opener(t, lang, c.first_token, c.end_token);
    if (k < c.end_token && interrogative(t.tokens[k].norm, lang)) {
      q.from = c.first_token;
      break;
    }
  }
  q.rhetorical =
      rhetorical_question(t, lang, opener(t, lang, q.from, sentence.end_token), sentence.end_token);
  return q;
}

bool exclamative_how(const TokenizedText& t, Lang lang, std::uint32_t first,
                     std::uint32_t opinion) {
  for (std::uint32_t k = opinion; k > first && opinion - k < 2; --k) {
    const std::string_view w = t.tokens[k - 1].norm;
    if (lang == Lang::En ? w == "how" : one_of(w, {"quanto", "quanta", "quanti", "quante"}))
      return true;
  }
  return false;
}

}  // namespace ascolto

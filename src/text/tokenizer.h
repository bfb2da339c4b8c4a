// Sentences and tokens of a comment, with ICU break iterators (UAX #29) on a UTF-16 copy (ICU
// walks it faster than a UTF-8 UText; offsets are mapped back to bytes of the UTF-8 text), plus
// what UAX #29 does not do: Italian elision (l'assistenza -> l' + assistenza), English
// contractions (don't -> do + not), emoji and ASCII emoticons as tokens, Italian accents
// written as apostrophes (perche' -> perché), ALL CAPS and elongation flags.
// A Tokenizer owns its ICU iterators (costly to create): make one per thread and reuse it.
//
//   Tokenizer tok;
//   TokenizedText t; tok.tokenize("Il pacco è arrivato in ritardo :(", t);
//   t.tokens[0].norm == "il"; t.tokens.back().kind == TokenKind::Emoticon
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ascolto {

enum class TokenKind : std::uint8_t { Word, Number, Emoji, Emoticon, Punct };

struct Token {
  std::string norm;         // lookup form (folded); for emoji, without modifiers
  std::uint32_t start = 0;  // byte offsets into the original text, end exclusive
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
  bool all_caps = false;      // two or more letters, none lower case
  bool elongated = false;     // a letter repeated three or more times
  bool space_before = false;  // whitespace between this token and the previous one
};

struct Sentence {
  std::uint32_t start = 0, end = 0;              // byte offsets
  std::uint32_t first_token = 0, end_token = 0;  // token index range
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Replaces `out` with the sentences and tokens of `text` (UTF-8).
  void tokenize(std::string_view text, TokenizedText& out);

  // The lookup forms of a lexicon entry, tokenized exactly as running text is.
  std::vector<std::string> entry_tokens(std::string_view entry);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for "," ";" ":" "." "!" "?" "…" and the like: the places where a clause ends.
bool is_clause_boundary(const Token& token);

// The lookup form of token `i`, or "" at and past `end`: lets a rule read a few words ahead
// without bounds checks of its own.
inline std::string_view norm_within(const TokenizedText& t, std::uint32_t i, std::uint32_t end) {
  return i < end ? std::string_view(t.tokens[i].norm) : std::string_view();
}

// True when `w` is one of `words`: the word lists of the sentiment rules.
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  for (const std::string_view x : words) {
    if (x == w) return true;
  }
  return false;
}

}  // namespace ascolto

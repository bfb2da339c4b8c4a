#include "text/tokenizer.h"

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "common/error.h"
#include "text/normalizer.h"

namespace ascolto {
namespace {

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// Articles and prepositions that elide before a vowel in Italian.
constexpr std::array<std::string_view, 44> kElisions = {
    "l",    "dell",    "dall",  "nell",  "sull",   "all",     "coll",   "pell",  "d",
    "un",   "c",       "n",     "s",     "m",      "t",       "v",      "quest", "quell",
    "bell", "sant",    "tutt",  "buon",  "nessun", "qualcun", "dov",    "com",   "cos",
    "mezz", "senz",    "anch",  "quand", "nient",  "gl",      "grand",  "ch",    "perch",
    "qual", "ciascun", "alcun", "sott",  "dev",    "neanch",  "nemmen", "pover"};

// Italian words whose final accent is often typed as an apostrophe.
struct AccentFix {
  std::string_view plain, accented;
};
constexpr std::array<AccentFix, 14> kAccentFixes = {{{"perche", "perché"},
                                                     {"poiche", "poiché"},
                                                     {"benche", "benché"},
                                                     {"affinche", "affinché"},
                                                     {"pero", "però"},
                                                     {"piu", "più"},
                                                     {"cosi", "così"},
                                                     {"gia", "già"},
                                                     {"puo", "può"},
                                                     {"citta", "città"},
                                                     {"qualita", "qualità"},
                                                     {"e", "è"},
                                                     {"po", "po'"},
                                                     {"universita", "università"}}};

bool is_apostrophe_at(std::string_view s, std::size_t i, std::size_t* len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (s[i] != '\xE2') return false;  // both curly quotes start with this byte
  if (s.compare(i, 3, "\xE2\x80\x99") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

bool is_emoji_start(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
         (c >= 0x1F1E6 && c <= 0x1F1FF);  // regional indicators (flags)
}

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

void set_case_flags(std::string_view original, Token& t) {
  const auto* p = reinterpret_cast<const uint8_t*>(original.data());
  const auto len = static_cast<int32_t>(original.size());
  int upper = 0, lower = 0;
  for (int32_t i = 0; i < len;) {
    if (p[i] < 0x80) {  // ASCII: the only lower/upper case letters are a-z and A-Z
      lower += p[i] >= 'a' && p[i] <= 'z';
      upper += p[i] >= 'A' && p[i] <= 'Z';
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (u_isULowercase(c)) ++lower;
    if (u_isUUppercase(c)) ++upper;
  }
  t.all_caps = upper >= 2 && lower == 0;
  t.elongated = has_elongation(original);
}

// fold() and set_case_flags() in one pass for an ASCII word, the common case; false (norm left
// unspecified) when the word has a non-ASCII byte.
bool fold_ascii_word(std::string_view word, Token& t) {
  t.norm.resize(word.size());
  char* out = t.norm.data();  // char stores may alias t.norm's pointer: no reload per byte
  int upper = 0, lower = 0, run = 0;
  unsigned char prev = 0;
  bool elongated = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return false;
    const bool is_upper = c >= 'A' && c <= 'Z', is_lower = c >= 'a' && c <= 'z';
    upper += is_upper;
    lower += is_lower;
    run = c == prev && (is_upper || is_lower) ? run + 1 : 1;
    elongated |= run >= 3;
    prev = c;
    out[i] = c == '`' ? '\'' : static_cast<char>(c + (is_upper ? 32 : 0));
  }
  t.all_caps = upper >= 2 && lower == 0;
  t.elongated = elongated;
  return true;
}

// A character after which UAX #29 can end a sentence: rules SB4 and SB11 break only after
// these Sentence_Break values, so text without them is one sentence.
bool ends_sentence(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_STERM:
    case U_SB_ATERM:
    case U_SB_SEP:
    case U_SB_CR:
    case U_SB_LF:
      return true;
    default:
      return false;
  }
}

}  // namespace

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<UText, UTextCloser> utext;
  // The comment in UTF-16, which the iterators walk faster than a UTF-8 UText (no chunk
  // conversion, no native index mapping), and the byte offset of each UTF-16 unit.
  std::vector<UChar> units;
  std::vector<std::uint32_t> byte_at;
  std::array<bool, 128> ascii_space{};  // ICU's White_Space for ASCII, spared a call per gap
  // Whether the comment has a character after which UAX #29 may end a sentence (Sentence_Break
  // STerm, ATerm, Sep, CR or LF). Without one it is a single sentence, and the sentence iterator
  // (a fifth of the tokenizer's time) is not run.
  bool may_end_sentence = false;
  std::array<bool, 128> ascii_sentence_end{};
  // Eyes, optional nose, mouth; the same read right to left ("(:", "):", "D:"); hearts;
  // kaomoji-like shapes. Case-insensitive.
  RE2 emoticon{
      R"((?i)(>?[:;=][-'^o]?[)(\]\[dpo/\\|*$@3sx]{1,4}|[)(\]\[d][-']?[:;=]|</?3+|\^[_.\-]?\^|x[d]+|[-*o;t][_.][-*o;t]))"};

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status))
      throw AscoltoError(std::string("ICU break iterators: ") + u_errorName(status));
    if (!emoticon.ok()) throw AscoltoError("emoticon pattern: " + emoticon.error());
    for (UChar32 c = 0; c < 0x80; ++c) {
      ascii_space[c] = u_isUWhiteSpace(c);
      ascii_sentence_end[c] = ends_sentence(c);
    }
  }

  void set_text(std::string_view text) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto len = static_cast<int32_t>(text.size());
    units.resize(text.size());  // never more UTF-16 units than UTF-8 bytes
    byte_at.resize(text.size() + 1);
    UChar* u = units.data();
    std::uint32_t* b = byte_at.data();
    int32_t n = 0;
    bool sentence_end = false;
    for (int32_t i = 0; i < len;) {
      for (; i < len && p[i] < 0x80; ++i, ++n) {  // ASCII runs, the bulk of most comments
        b[n] = static_cast<std::uint32_t>(i);
        u[n] = p[i];
        sentence_end |= ascii_sentence_end[p[i]];
      }
      if (i == len) break;
      const auto at = static_cast<std::uint32_t>(i);
      UChar32 c;
      U8_NEXT_OR_FFFD(p, i, len, c);  // as ICU's UTF-8 UText reads ill-formed bytes
      sentence_end = sentence_end || ends_sentence(c);
      b[n] = at;
      if (U_IS_BMP(c)) {
        u[n++] = static_cast<UChar>(c);
      } else {
        u[n++] = U16_LEAD(c);
        b[n] = at;
        u[n++] = U16_TRAIL(c);
      }
    }
    b[n] = static_cast<std::uint32_t>(len);
    UErrorCode status = U_ZERO_ERROR;
    utext.reset(utext_openUChars(utext.release(), units.data(), n, &status));
    words->setText(utext.get(), status);
    may_end_sentence = sentence_end;
    if (may_end_sentence) sentences->setText(utext.get(), status);
    if (U_FAILURE(status)) throw AscoltoError(std::string("ICU setText: ") + u_errorName(status));
  }

  // Length of an emoticon starting at `pos`, or 0. Emoticons glued to a word ("ottimo:)") are
  // accepted only with a bracket mouth, so times (10:30) and URLs (http://) stay apart.
  std::size_t emoticon_at(std::string_view text, std::size_t pos) const {
    // The first characters the pattern allows (either case): spares the regex for most words.
    constexpr std::string_view kFirst = ">:;=<^xX-*oOtT()[]dD";
    if (pos >= text.size() || kFirst.find(text[pos]) == std::string_view::npos) return 0;
    // A letter starts only "xD", "D:" or "o_o" / "t.t": the next character rules out most words.
    const char first = static_cast<char>(text[pos] | 0x20);
    const char next = pos + 1 < text.size() ? text[pos + 1] : '\0';
    if (first == 'x' || first == 'o' || first == 't' || first == 'd') {
      const bool can_start = first == 'x'   ? (next == 'd' || next == 'D')
                             : first == 'd' ? (next == ':' || next == '-' || next == '\'')
                                            : (next == '_' || next == '.');
      if (!can_start) return 0;
    }
    re2::StringPiece m;
    if (!emoticon.Match(text, pos, text.size(), RE2::ANCHOR_START, &m, 1)) return 0;
    const std::size_t end = pos + m.size();
    if (end < text.size() && ascii_alnum(text[end])) return 0;
    // Read right to left, an emoticon starts after a space: "(see below):" is no sad face.
    const bool reversed = text[end - 1] == ':' || text[end - 1] == ';' || text[end - 1] == '=';
    if (reversed && pos > 0) {
      const auto before = static_cast<unsigned char>(text[pos - 1]);
      if (before >= 0x80 || !ascii_space[before]) return 0;
    }
    // "D:" before a lower-case word is a label ("vitamin D: great"), not dismay.
    if (reversed && first == 'd') {
      std::size_t k = end;
      while (k < text.size() && text[k] == ' ') ++k;
      if (k > end && k < text.size() && text[k] >= 'a' && text[k] <= 'z') return 0;
    }
    if (pos > 0 && ascii_alnum(text[pos - 1])) {
      const char mouth = text[end - 1];
      const bool bracket = mouth == ')' || mouth == '(' || mouth == ']' || mouth == '[';
      if (!bracket || (text[pos] != ':' && text[pos] != ';' && text[pos] != '=')) return 0;
    }
    return m.size();
  }

  // Appends a token constructed in place, with no temporary Token to move.
  static Token& push(std::vector<Token>& out, std::size_t start, std::size_t end, TokenKind kind,
                     bool space_before) {
    Token& t = out.emplace_back();
    t.start = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(end);
    t.kind = kind;
    t.space_before = space_before;
    return t;
  }

  static void push(std::vector<Token>& out, std::string_view text, std::size_t start,
                   std::size_t end, TokenKind kind, bool space_before, std::string norm) {
    Token& t = push(out, start, end, kind, space_before);
    t.norm = std::move(norm);
    if (kind == TokenKind::Word) set_case_flags(text.substr(start, end - start), t);
  }

  // A word token whose lookup form is the folded word itself.
  static void push_folded_word(std::vector<Token>& out, std::string_view text, std::size_t start,
                               std::size_t end, bool space_before) {
    Token& t = push(out, start, end, TokenKind::Word, space_before);
    const std::string_view word = text.substr(start, end - start);
    if (!fold_ascii_word(word, t)) {
      t.norm = fold(word);
      set_case_flags(word, t);
    }
  }

  // A word from ICU; splits elisions and contractions around its first apostrophe.
  void push_word(std::vector<Token>& out, std::string_view text, std::size_t start, std::size_t end,
                 bool space_before) {
    const std::string_view word = text.substr(start, end - start);
    for (std::size_t i = 1; i + 1 < word.size(); ++i) {
      std::size_t alen = 0;
      if (!is_apostrophe_at(word, i, &alen)) continue;
      const std::string left = fold(word.substr(0, i));
      const std::string right = fold(word.substr(i + alen));
      const std::size_t mid = start + i;
      if (std::find(kElisions.begin(), kElisions.end(), left) != kElisions.end()) {
        push(out, text, start, mid + alen, TokenKind::Word, space_before, left + "'");
        push_word(out, text, mid + alen, end, false);
        return;
      }
      if (right == "t" && left.size() > 1 && left.back() == 'n') {
        std::string base = left.substr(0, left.size() - 1);
        if (base == "ca") base = "can";
        if (base == "wo") base = "will";
        if (base == "sha") base = "shall";
        if (base == "ai") base = "is";
        push(out, text, start, mid - 1, TokenKind::Word, space_before, base);
        push(out, text, mid - 1, end, TokenKind::Word, false, "not");
        return;
      }
      static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> clitics = {
          {{"s", "'s"}, {"re", "are"}, {"ve", "have"}, {"ll", "will"}, {"d", "'d"}, {"m", "am"}}};
      for (const auto& [suffix, norm] : clitics) {
        if (right == suffix) {
          push(out, text, start, mid, TokenKind::Word, space_before, left);
          push(out, text, mid, end, TokenKind::Word, false, std::string(norm));
          return;
        }
      }
      break;
    }
    push_folded_word(out, text, start, end, space_before);
  }
};

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {}
Tokenizer::~Tokenizer() = default;

bool is_clause_boundary(const Token& token) {
  if (token.kind != TokenKind::Punct) return false;
  const std::string& s = token.norm;
  return s == "," || s == ";" || s == ":" || s == "." || s == "!" || s == "?" || s == "…" ||
         s == "..." || s == "(" || s == ")" || s == "\xE2\x80\x94" /* em dash */;
}

void Tokenizer::tokenize(std::string_view text, TokenizedText& out) {
  out.tokens.clear();
  out.sentences.clear();
  if (text.empty()) return;
  impl_->set_text(text);
  auto& words = *impl_->words;
  const std::vector<std::uint32_t>& byte_at = impl_->byte_at;
  bool space_before = false;
  std::size_t skip_until = 0;  // end of an emoticon that spans several ICU segments
  for (int32_t s = words.first(), e = words.next(); e != icu::BreakIterator::DONE;
       s = e, e = words.next()) {
    const std::size_t start = byte_at[s], end = byte_at[e];
    if (end <= skip_until) continue;
    const int32_t status = words.getRuleStatus();
    if (status >= UBRK_WORD_LETTER || (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_LETTER)) {
      const std::string_view w = text.substr(start, end - start);
      // A word that starts an emoticon: "xD" is all of it, "D:" runs past it.
      const std::size_t n =
          status >= UBRK_WORD_LETTER && w.size() <= 4 ? impl_->emoticon_at(text, start) : 0;
      if (n >= w.size() && (start == 0 || !ascii_alnum(text[start - 1]))) {
        impl_->push(out.tokens, text, start, start + n, TokenKind::Emoticon, space_before,
                    fold(text.substr(start, n)));
        skip_until = start + n;
      } else if (status >= UBRK_WORD_LETTER) {
        impl_->push_word(out.tokens, text, start, end, space_before);
      } else {
        impl_->push(out.tokens, text, start, end, TokenKind::Number, space_before, fold(w));
      }
      space_before = false;
      continue;
    }
    // Rule status "none": spaces, punctuation, emoji.
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(start);
    UChar32 c;
    U8_NEXT(p, i, static_cast<int32_t>(text.size()), c);
    if (static_cast<uint32_t>(c) < 0x80 ? impl_->ascii_space[c] : u_isUWhiteSpace(c)) {
      space_before = true;
      continue;
    }
    if (const std::size_t n = impl_->emoticon_at(text, start); n > 0) {
      impl_->push(out.tokens, text, start, start + n, TokenKind::Emoticon, space_before,
                  fold(text.substr(start, n)));
      skip_until = start + n;
      space_before = false;
      continue;
    }
    const std::string_view piece = text.substr(start, end - start);
    if (is_emoji_start(c)) {
      impl_->push(out.tokens, text, start, end, TokenKind::Emoji, space_before,
                  strip_emoji_modifiers(piece));
    } else if ((c == '\'' || c == 0x2019) && !out.tokens.empty() && !space_before &&
               out.tokens.back().end == start && out.tokens.back().kind == TokenKind::Word) {
      // "perche'" / "po'": an apostrophe standing for a final accent; "l' assistenza": a
      // detached elision.
      Token& prev = out.tokens.back();
      if (std::find(kElisions.begin(), kElisions.end(), prev.norm) != kElisions.end()) {
        prev.norm += '\'';
        prev.end = static_cast<std::uint32_t>(end);
      }
      for (const auto& fix : kAccentFixes) {
        if (prev.norm == fix.plain) {
          prev.norm = fix.accented;
          prev.end = static_cast<std::uint32_t>(end);
          break;
        }
      }
    } else if (c != '\'' && c != '"' && c != 0x2019 && c != 0x201C && c != 0x201D) {
      impl_->push(out.tokens, text, start, end, TokenKind::Punct, space_before, fold(piece));
    }
    space_before = false;
  }

  // Sentences, and the token range of each.
  std::size_t tok = 0;
  const auto add_sentence = [&](std::size_t start, std::size_t end) {
    Sentence sentence;
    sentence.start = static_cast<std::uint32_t>(start);
    sentence.end = static_cast<std::uint32_t>(end);
    sentence.first_token = static_cast<std::uint32_t>(tok);
    while (tok < out.tokens.size() && out.tokens[tok].start < sentence.end) ++tok;
    sentence.end_token = static_cast<std::uint32_t>(tok);
    if (sentence.end_token > sentence.first_token) out.sentences.push_back(sentence);
  };
  if (!impl_->may_end_sentence) {
    add_sentence(0, text.size());
    return;
  }
  auto& sents = *impl_->sentences;
  for (int32_t s = sents.first(), e = sents.next(); e != icu::BreakIterator::DONE;
       s = e, e = sents.next()) {
    add_sentence(byte_at[s], byte_at[e]);
  }
}

std::vector<std::string> Tokenizer::entry_tokens(std::string_view entry) {
  TokenizedText t;
  tokenize(entry, t);
  std::vector<std::string> out;
  out.reserve(t.tokens.size());
  for (auto& tok : t.tokens) out.push_back(std::move(tok.norm));
  return out;
}

}  // namespace ascolto

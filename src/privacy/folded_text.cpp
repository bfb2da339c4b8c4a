#include "privacy/folded_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <utility>

#include "text/html_entities.h"

namespace ascolto {
namespace {

constexpr char32_t kDrop = 0;

// What `c` is to the rules: itself, another character, or kDrop.
char32_t fold_code_point(char32_t c) {
  // ASCII and the accented Latin letters (U+00C0..U+024F) are most of what comments hold and
  // none of them folds: no need to ask ICU.
  if (c < 0x80 || (c >= 0xC0 && c <= 0x24F)) return c;
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII
  const auto u = static_cast<UChar32>(c);
  if (u_hasBinaryProperty(u, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return kDrop;
  switch (u_charType(u)) {
    case U_SPACE_SEPARATOR:
      return ' ';
    case U_DECIMAL_DIGIT_NUMBER:
      return static_cast<char32_t>('0' + u_charDigitValue(u));
    case U_DASH_PUNCTUATION:
      return '-';
    default:
      return c;
  }
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == y;
  });
}

// Entities that only spell out the characters addresses and numbers are made of; the HTML
// decoder (text/html_entities.h) knows the others an export produces.
constexpr std::array<std::pair<std::string_view, char32_t>, 7> kAddressEntities = {{
    {"commat", '@'},
    {"period", '.'},
    {"plus", '+'},
    {"lpar", '('},
    {"rpar", ')'},
    {"hyphen", '-'},
    {"dash", '-'},
}};

// The character an entity at the start of `s` (which starts with '&') stands for, and its length.
std::pair<char32_t, std::size_t> entity_at(std::string_view s) {
  std::size_t semi = s.find(';', 1);
  // "&amp;#64;": escaped twice, the entity is the second one.
  if (semi == 4 && equals_ignoring_case(s.substr(1, 3), "amp")) semi = s.find(';', 5);
  if (semi == std::string_view::npos || semi > 16) return {kDrop, 0};
  const std::string_view whole = s.substr(0, semi + 1);
  const std::size_t name_at = whole.size() > 5 && whole[4] == ';' ? 5 : 1;
  const std::string_view name = whole.substr(name_at, whole.size() - name_at - 1);
  for (const auto& [entity, c] : kAddressEntities) {
    if (equals_ignoring_case(name, entity)) return {c, whole.size()};
  }
  const std::string decoded = decode_html_entities(whole);
  if (decoded == whole) return {kDrop, 0};
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(decoded.data(), i, static_cast<int32_t>(decoded.size()), c);
  if (c < 0 || static_cast<std::size_t>(i) != decoded.size()) return {kDrop, 0};
  return {static_cast<char32_t>(c), whole.size()};
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// "[at]", "(chiocciola)", "{ dot }"... at the start of `s`: '@' or '.' and the length, spaces
// after it included.
std::pair<char, std::size_t> spelled_at(std::string_view s) {
  constexpr std::array<std::pair<std::string_view, char>, 4> kWords = {
      {{"at", '@'}, {"chiocciola", '@'}, {"dot", '.'}, {"punto", '.'}}};
  std::size_t i = 1;
  while (i < s.size() && is_space(s[i])) ++i;
  const std::size_t word = i;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])) != 0 && i - word < 12) ++i;
  const std::string_view found = s.substr(word, i - word);
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || (s[i] != ']' && s[i] != ')' && s[i] != '}')) return {0, 0};
  for (const auto& [name, c] : kWords) {
    if (equals_ignoring_case(found, name)) {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      return {c, i};
    }
  }
  return {0, 0};
}

}  // namespace

FoldedText::FoldedText(std::string_view source) : source_(source) {
  const std::size_t n = source.size();
  bool copying = false;
  auto change_at = [&](std::size_t i) {
    if (!copying) start_copy(i);
    copying = true;
  };
  std::size_t i = 0;
  while (i < n) {
    const char b = source[i];
    if (b == '&') {
      const auto [c, length] = entity_at(source.substr(i));
      if (length > 0) {
        change_at(i);
        emit_code_point(fold_code_point(c), i);
        i += length;
        continue;
      }
    } else if (b == '[' || b == '(' || b == '{') {
      const auto [c, length] = spelled_at(source.substr(i));
      if (length > 0) {
        change_at(i);
        drop_trailing_spaces();
        emit_folded(std::string_view(&c, 1), i);
        i += length;
        continue;
      }
    }
    if (static_cast<unsigned char>(b) < 0x80) {
      if (copying) emit_source(i, 1);
      ++i;
      continue;
    }
    int32_t length = 0;
    UChar32 c = 0;
    U8_NEXT(source.data() + i, length, static_cast<int32_t>(std::min<std::size_t>(4, n - i)), c);
    const bool folds =
        c >= 0 && fold_code_point(static_cast<char32_t>(c)) != static_cast<char32_t>(c);
    if (folds) {
      change_at(i);
      emit_code_point(fold_code_point(static_cast<char32_t>(c)), i);
    } else if (copying) {
      emit_source(i, static_cast<std::size_t>(length));  // invalid bytes too, as they are
    }
    i += static_cast<std::size_t>(length);
  }
  if (copying) origin_.push_back(n);
}

void FoldedText::start_copy(std::size_t upto) {
  text_.reserve(source_.size());
  origin_.reserve(source_.size() + 1);
  text_.assign(source_.substr(0, upto));
  for (std::size_t i = 0; i < upto; ++i) origin_.push_back(i);
}

void FoldedText::emit_source(std::size_t from, std::size_t length) {
  for (std::size_t k = 0; k < length; ++k) origin_.push_back(from + k);
  text_.append(source_.substr(from, length));
}

// A folded character's bytes all map to the start of what it was folded from.
void FoldedText::emit_folded(std::string_view bytes, std::size_t from) {
  origin_.insert(origin_.end(), bytes.size(), from);
  text_.append(bytes);
}

void FoldedText::emit_code_point(char32_t c, std::size_t from) {
  if (c == kDrop) return;
  char bytes[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
  emit_folded(std::string_view(bytes, static_cast<std::size_t>(length)), from);
}

void FoldedText::drop_trailing_spaces() {
  while (!text_.empty() && text_.back() == ' ') {
    text_.pop_back();
    origin_.pop_back();
  }
}

}  // namespace ascolto

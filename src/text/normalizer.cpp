#include "text/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "common/error.h"

namespace ascolto {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw AscoltoError("ICU NFKC_Casefold unavailable");
    return n;
  }();
  return *instance;
}

bool is_apostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 || c == 0x00B4;
}

// Appends `text` to `out` with the apostrophe look-alikes written as "'"; false when `text` is not
// well-formed UTF-8, which fold() leaves to ICU (U+FFFD).
bool unify_apostrophes(std::string_view text, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  out.reserve(text.size());
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
    if (is_apostrophe(c)) {
      out += '\'';
    } else {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return true;
}

// At most this many combining marks (non-starters) in a row are kept in a lookup form, as in
// Unicode's stream-safe text format (UAX #15): canonical reordering sorts each run by insertion,
// quadratic in its length ("a" + 300,000 accents took minutes). No language needs more than a few.
constexpr int kMaxCombiningMarks = 30;

// True when `text` holds more than kMaxCombiningMarks combining marks in a row; then `out` is
// `text` without the marks beyond them in each run. Malformed UTF-8 is kept for ICU to replace.
bool stream_safe(std::string_view text, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  int run = 0;
  bool capped = false;
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    run = c >= 0 && u_getCombiningClass(c) != 0 ? run + 1 : 0;
    if (run > kMaxCombiningMarks && !capped) {
      capped = true;
      out.assign(text.substr(0, static_cast<std::size_t>(start)));
    }
    if (capped && run <= kMaxCombiningMarks)
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return capped;
}

}  // namespace

std::string fold(std::string_view text) {
  bool ascii = true;
  for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string out;
  if (ascii) {
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      out[i] = c == '`' ? '\'' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return out;
  }
  std::string capped;
  if (stream_safe(text, capped)) return fold(capped);
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  // Most non-ASCII words ("più", "perché") are already folded: ICU tells so on the UTF-8 text,
  // sparing the conversions to and from UTF-16.
  if (nfkc_casefold().isNormalizedUTF8(piece, status) && U_SUCCESS(status) &&
      unify_apostrophes(text, out))
    return out;
  out.clear();
  status = U_ZERO_ERROR;
  const icu::UnicodeString src = icu::UnicodeString::fromUTF8(piece);
  icu::UnicodeString dst = nfkc_casefold().normalize(src, status);
  if (U_FAILURE(status)) return std::string(text);
  for (int32_t i = 0; i < dst.length(); ++i) {
    if (is_apostrophe(dst.charAt(i))) dst.setCharAt(i, u'\'');
  }
  dst.toUTF8String(out);
  return out;
}

std::string strip_emoji_modifiers(std::string_view emoji) {
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(emoji.data());
  const auto len = static_cast<int32_t>(emoji.size());
  int32_t i = 0;
  while (i < len) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF)) continue;
    out.append(emoji.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

std::string collapse_repeats(std::string_view word, std::size_t keep) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    std::size_t j = i + 1;
    while (j < word.size() && word[j] == word[i]) ++j;
    // Only ASCII letters are collapsed: multi-byte characters repeat as byte sequences.
    const char c = word[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const std::size_t run = j - i;
    out.append(letter && run >= 3 ? keep : run, c);
    i = j;
  }
  return out;
}

bool has_elongation(std::string_view word) {
  std::size_t run = 1;
  for (std::size_t i = 1; i < word.size(); ++i) {
    const bool letter = (word[i] >= 'a' && word[i] <= 'z') || (word[i] >= 'A' && word[i] <= 'Z');
    run = (letter && word[i] == word[i - 1]) ? run + 1 : 1;
    if (run >= 3) return true;
  }
  return false;
}

}  // namespace ascolto

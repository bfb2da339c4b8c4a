#include "text/lost_characters.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ascolto {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kApostrophe = "\xE2\x80\x99";   // U+2019
constexpr std::string_view kCurrency = "\xE2\x82\xAC";     // U+20AC
static_assert(kReplacement.size() == kApostrophe.size() && kReplacement.size() == kCurrency.size());

// The code point that ends right before byte `at`, or -1 at the start or on malformed UTF-8.
UChar32 before(std::string_view text, std::size_t at) {
  if (at == 0) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(p, 0, i, c);
  return c;
}

// The code point that starts at byte `at`, or -1 at the end or on malformed UTF-8.
UChar32 after(std::string_view text, std::size_t at) {
  if (at >= text.size()) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(text.size()), c);
  return c;
}

}  // namespace

bool repair_lost_characters(std::string_view text, std::string& out) {
  bool repaired = false;
  for (std::size_t at = text.find(kReplacement); at != std::string_view::npos;
       at = text.find(kReplacement, at + kReplacement.size())) {
    const UChar32 left = before(text, at);
    const UChar32 right = after(text, at + kReplacement.size());
    std::string_view stand_in;
    if (left >= 0 && right >= 0 && u_isalpha(left) && u_isalpha(right)) {
      stand_in = kApostrophe;
    } else if ((left < 0 || u_isspace(left) || left == '(') && right >= '0' && right <= '9') {
      stand_in = kCurrency;
    } else {
      continue;
    }
    if (!repaired) out.assign(text);
    repaired = true;
    out.replace(at, kReplacement.size(), stand_in);
  }
  return repaired;
}

}  // namespace ascolto

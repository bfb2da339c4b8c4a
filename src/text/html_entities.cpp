#include "text/html_entities.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <utility>

namespace ascolto {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kNamed = {{
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", "\xC2\xA0"},
    {"#39", "'"},
}};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// "&#NNN;" / "&#xHH;" body (without '&' and ';'): the character, if it is one text may hold.
bool numeric_reference(std::string_view body, std::string& out) {
  if (body.size() < 2 || body[0] != '#') return false;
  const bool hex = body[1] == 'x' || body[1] == 'X';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  std::uint32_t value = 0;
  const auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return false;
  // Control characters, surrogates and values past Unicode are not text: keep them escaped.
  const bool control = value < 0x20 && value != '\t' && value != '\n' && value != '\r';
  if (control || value == 0x7F || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
    return false;
  append_utf8(out, static_cast<char32_t>(value));
  return true;
}

std::string decode_once(std::string_view text, bool& changed) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(text.substr(i, amp - i));
    // Entities are short: look for the ';' within the next 10 bytes only.
    const std::size_t semi = text.substr(amp, 11).find(';');
    bool decoded = false;
    if (semi != std::string_view::npos) {
      const std::string_view body = text.substr(amp + 1, semi - 1);
      for (const auto& [name, value] : kNamed) {
        if (body == name) {
          out.append(value);
          decoded = true;
          break;
        }
      }
      if (!decoded) decoded = numeric_reference(body, out);
    }
    if (decoded) {
      changed = true;
      i = amp + semi + 1;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  bool changed = false;
  std::string once = decode_once(text, changed);
  // Exports that escaped twice ("&amp;lt;3", "&amp;#38;") need a second pass; no export escapes
  // three times, and stopping there keeps the work linear.
  if (!changed || once.find('&') == std::string::npos) return once;
  changed = false;
  return decode_once(once, changed);
}

}  // namespace ascolto

// Code points of UTF-8 text: comment offsets are stored and shown in code points, while strings
// are indexed in bytes. A continuation byte (10xxxxxx) never starts a code point.
//
//   code_point_count("perché") == 6; code_point_offset("perché!", 6) == 7
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace ascolto {

inline bool starts_code_point(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

inline std::size_t code_point_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), starts_code_point));
}

// Byte offset where code point `n` starts; text.size() when the text has no more.
inline std::size_t code_point_offset(std::string_view text, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (starts_code_point(text[i]) && seen++ == n) return i;
  }
  return text.size();
}

}  // namespace ascolto

// A set of words that can say "surely not here" without hashing a word: one bit per signature
// of its length and its first and last two bytes. A word it may hold still needs the real lookup.
// Placed before a hash map, it turns most tokens away at the cost of a few instructions.
//
//   WordFilter f; f.add("ottimo");
//   f.may_contain("ottimo") == true; f.may_contain("tavolo") is almost surely false
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ascolto {

class WordFilter {
 public:
  void add(std::string_view w) { bits_[signature(w)] = true; }
  bool may_contain(std::string_view w) const { return bits_[signature(w)]; }

 private:
  static constexpr int kSignatureBits = 16;
  // A few bits from a word's length and its first and last two bytes, well mixed: no loop over
  // the word, unlike a hash map's hash.
  static std::size_t signature(std::string_view w) {
    const std::size_t n = w.size();
    const auto byte = [&](std::size_t k) -> std::uint64_t {
      return k < n ? static_cast<unsigned char>(w[k]) : 0;
    };
    const std::uint64_t x = n | byte(0) << 8 | byte(1) << 16 | (n > 0 ? byte(n - 1) : 0) << 24 |
                            (n > 1 ? byte(n - 2) : 0) << 32;
    return static_cast<std::size_t>((x * 0x9E3779B97F4A7C15ull) >> (64 - kSignatureBits));
  }

  std::vector<bool> bits_ = std::vector<bool>(std::size_t{1} << kSignatureBits);
};

}  // namespace ascolto

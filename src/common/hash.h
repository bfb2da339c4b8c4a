// Stable content hashes (XXH3, 128 bit) rendered as 32 hex digits: used for source keys of
// rows without an id, for change detection on re-import, and for input/lexicon fingerprints.
//
//   ContentHasher h; h.add("a"); h.add("b"); std::string key = h.hex();
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ascolto {

class ContentHasher {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;

  // Adds one field; fields are length-prefixed so ("ab","c") and ("a","bc") differ.
  void add(std::string_view field);
  // Adds raw bytes with no framing (for streaming whole files).
  void add_bytes(std::string_view bytes);
  std::string hex() const;
  // The low 64 bits of the same digest, for compact in-memory sets.
  std::uint64_t low64() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::uint64_t hash64(std::string_view bytes);

}  // namespace ascolto

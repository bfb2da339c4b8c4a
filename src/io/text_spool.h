// Text written once and read back in order, held in memory up to a limit and in a temporary
// file past it, so a reader can go back over any amount of input in bounded memory (the CSV
// reader re-reads the lines after a stray quote through one).
//
//   TextSpool s(1 << 20); s.append(chunk1); s.append(chunk2);
//   std::string c; while (s.read(c)) parse(c);   // chunk1 then chunk2, in chunks
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace ascolto {

class TextSpool {
 public:
  explicit TextSpool(std::size_t memory_limit) : memory_limit_(memory_limit) {}
  ~TextSpool();
  TextSpool(const TextSpool&) = delete;
  TextSpool& operator=(const TextSpool&) = delete;

  // Throws InputError when the temporary file cannot be created or written.
  void append(std::string_view text);
  // Replaces `chunk` with the next part of what was appended; false once all was read. The
  // first read() ends the writing.
  bool read(std::string& chunk);

 private:
  std::size_t memory_limit_;
  std::string memory_;
  std::size_t memory_read_ = 0;
  std::FILE* file_ = nullptr;  // what came past memory_limit_
  bool reading_ = false;
};

}  // namespace ascolto

// A byte stream (file or standard input) delivered as UTF-8 in chunks, whatever its encoding.
// The encoding is detected from the first 64 KiB (BOM, then UTF-8 validity, then ICU's charset
// detector) unless one is forced; non-UTF-8 input is converted with ICU as it streams, so memory
// stays bounded by the chunk size.
//
//   auto src = Utf8Source::open("export.csv", "");   // "" = detect
//   std::string chunk; while (src->read(chunk)) parse(chunk);
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "common/hash.h"

namespace ascolto {

class Utf8Source {
 public:
  // path "-" reads standard input. Throws InputError when the file cannot be opened or the
  // forced encoding is unknown to ICU.
  static std::unique_ptr<Utf8Source> open(const std::string& path,
                                          const std::string& forced_encoding);
  // For tests and in-memory input.
  static std::unique_ptr<Utf8Source> from_bytes(std::string bytes, const std::string& name,
                                                const std::string& forced_encoding);
  ~Utf8Source();
  Utf8Source(const Utf8Source&) = delete;
  Utf8Source& operator=(const Utf8Source&) = delete;

  // Replaces `out` with the next chunk of UTF-8 text; false once the input is exhausted.
  bool read(std::string& out);
  // Puts an already-read chunk back; the next read() returns it first (used for sniffing).
  void unread(std::string utf8) { replay_ = std::move(utf8); }

  const std::string& name() const { return name_; }
  // The detected or forced encoding, e.g. "UTF-8", "windows-1252", "UTF-16LE".
  const std::string& encoding() const { return encoding_; }
  // Hash of the raw bytes read so far (complete once read() returned false).
  std::string raw_hash() const { return raw_hasher_.hex(); }

 private:
  Utf8Source(std::string name, std::FILE* file, bool owns_file, std::string preloaded);
  void detect_and_prepare(const std::string& forced_encoding);
  bool fill_raw(std::string& raw);

  std::string name_;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::string replay_;   // UTF-8 handed back by unread()
  std::string pending_;  // raw bytes read during detection, not yet delivered
  bool eof_ = false;
  std::string encoding_;
  ContentHasher raw_hasher_;
  struct Converter;
  std::unique_ptr<Converter> converter_;  // null for UTF-8 pass-through
};

// Byte offset of the first ill-formed UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view bytes);

// Drops the bytes of a UTF-8 sequence left incomplete at the end of `s` by a cut at a byte limit.
void truncate_to_char_boundary(std::string& s);

}  // namespace ascolto

// A byte stream (file or standard input) delivered as UTF-8 in chunks, whatever its encoding.
// The encoding is detected from the first 64 KiB (BOM; UTF-16 without a BOM by its zero bytes;
// UTF-8 validity; then ICU's charset detector) unless one is forced; non-UTF-8 input is converted
// with ICU as it streams, so memory stays bounded by the chunk size. BOMs at the start (one, or
// several from a tool that added its own) are dropped. A sequence that is ill-formed in the
// source encoding (a lone UTF-16 surrogate, a byte a legacy charset does not define) is never
// replaced: it becomes kIllFormedMark, a byte no UTF-8 text holds, and the readers reject the
// record holding it (ill_formed_input) as they reject invalid UTF-8.
//
//   auto src = Utf8Source::open("export.csv", "");   // "" = detect
//   std::string chunk; while (src->read(chunk)) parse(chunk);
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/hash.h"
#include "io/record.h"
#include "io/text_spool.h"

namespace ascolto {

class PeekableInput;

class Utf8Source {
 public:
  // path "-" reads standard input, through `standard_input` when given (what a comment sample
  // peeked at is then read again first: io/peekable_input.h). Throws InputError when the file
  // cannot be opened or the forced encoding is unknown to ICU.
  static std::unique_ptr<Utf8Source> open(const std::string& path,
                                          const std::string& forced_encoding,
                                          std::shared_ptr<PeekableInput> standard_input = nullptr);
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
  // Call before the first read() of a reader that may read the input twice (JSONL learns its
  // columns in a first pass): a pipe or standard input is then copied to a temporary file as it
  // is read. Files and in-memory sources are read again from their start.
  void enable_rewind();
  // Starts reading again from the first character (after the BOMs); raw_hash() stays the hash
  // of the whole input.
  void rewind();

  const std::string& name() const { return name_; }
  // The detected or forced encoding, e.g. "UTF-8", "windows-1252", "UTF-16LE".
  const std::string& encoding() const { return encoding_; }
  // Whether the input is converted (not UTF-8): only then can a chunk hold kIllFormedMark.
  bool converts() const { return converter_ != nullptr; }
  // Hash of the raw bytes read so far (complete once read() returned false).
  std::string raw_hash() const { return raw_hasher_.hex(); }

 private:
  Utf8Source(std::string name, std::FILE* file, bool owns_file, std::string preloaded);
  void detect_and_prepare(const std::string& forced_encoding);
  bool fill_raw(std::string& raw);
  // The next chunk as converted, before the leading BOMs are dropped.
  bool read_converted(std::string& out);

  std::string name_;
  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::shared_ptr<PeekableInput> input_;  // read instead of file_ when set
  std::string replay_;                    // UTF-8 handed back by unread()
  std::string pending_;                   // raw bytes read during detection, not yet delivered
  bool eof_ = false;
  bool at_start_ = true;  // no character delivered yet: BOMs are still dropped
  std::string encoding_;
  ContentHasher raw_hasher_;
  std::size_t raw_offset_ = 0, raw_hashed_ = 0;  // bytes read from file_, and hashed
  std::string memory_;                           // from_bytes() input, for rewind()
  std::unique_ptr<TextSpool> spool_;             // enable_rewind() on a pipe: what read() gave
  bool replaying_spool_ = false;
  struct Converter;
  std::unique_ptr<Converter> converter_;  // null for UTF-8 pass-through
};

// What Utf8Source puts in its UTF-8 for each sequence ill-formed in the source encoding.
inline constexpr char kIllFormedMark = '\xFF';

// The error for a record whose text (`raw`, starting on line `line`) holds kIllFormedMark from a
// converting source, naming its line, column and the encoding; nullopt when there is none.
std::optional<RecordError> ill_formed_input(const Utf8Source& source, std::string_view raw,
                                            std::size_t line);

// Byte offset of the first ill-formed UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view bytes);

// Drops the bytes of a UTF-8 sequence left incomplete at the end of `s` by a cut at a byte limit.
void truncate_to_char_boundary(std::string& s);

}  // namespace ascolto

// Readers for line-oriented inputs:
//  - JsonlReader: one JSON object per line; the columns are the union of the keys of every
//    object in the file, in the order they first appear (a first pass over the input learns
//    them; standard input is copied to a temporary file for it). Numbers, booleans, arrays and
//    objects become their JSON text, null becomes "".
//  - PlainLinesReader: a comment dump, one comment per line, with the single column "text".
// A line that is not a JSON object, or nests arrays and objects deeper than kMaxJsonDepth, is
// returned as a record with its error (line, column), wherever it is in the file. Lines are
// read up to `max_line_bytes` so memory stays bounded: a longer JSONL line is rejected whole (a
// cut object cannot be parsed), a longer plain line is cut at a character boundary and flagged.
// A file with no line to read (empty, blank or only BOMs) is an InputError.
//
//   JsonlReader r(Utf8Source::open("feedback.jsonl", ""));
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/record.h"
#include "io/utf8_source.h"

namespace ascolto {

// Splits a Utf8Source into physical lines (LF, CRLF or CR), tracking line numbers.
class LineSplitter {
 public:
  LineSplitter(std::unique_ptr<Utf8Source> source, std::size_t max_line_bytes)
      : source_(std::move(source)), max_line_bytes_(max_line_bytes) {}
  // Next line without its terminator, at most max_line_bytes of it; false at end of input.
  bool next(std::string& line, std::size_t& line_number);
  // Whether the last line was longer than max_line_bytes (and so cut, at any byte).
  bool truncated() const { return truncated_; }
  const Utf8Source& source() const { return *source_; }
  // Reads the input again from its first line (see Utf8Source::enable_rewind).
  void rewind();

 private:
  void append(std::string& line, std::size_t count);

  std::unique_ptr<Utf8Source> source_;
  std::size_t max_line_bytes_;
  bool truncated_ = false;
  std::string buf_;
  std::size_t pos_ = 0;
  bool done_ = false;
  std::size_t line_ = 0;
};

// Deeper JSON is refused: no survey field nests like this, and printing a value back as text
// recurses once per level.
inline constexpr std::size_t kMaxJsonDepth = 100;
// More distinct keys than this in one JSONL file make it an InputError: columns are kept for
// every row, so a file keyed by response ids would cost time per row for each of them.
inline constexpr std::size_t kMaxJsonlColumns = 10000;

class JsonlReader : public RecordReader {
 public:
  // Reads the whole input once to learn the columns; throws InputError when no line is a JSON
  // object or there are more than kMaxJsonlColumns keys.
  JsonlReader(std::unique_ptr<Utf8Source> source, std::size_t max_line_bytes);
  const std::vector<std::string>& header() const override { return header_; }
  bool next(RawRecord& rec) override;
  std::string describe() const override;
  std::string input_hash() const override { return lines_.source().raw_hash(); }

 private:
  void learn_columns();
  void parse_line(const std::string& line, std::size_t line_number, RawRecord& rec);

  LineSplitter lines_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> column_of_;
  std::size_t rows_ = 0;
};

class PlainLinesReader : public RecordReader {
 public:
  // Throws InputError when the input has no non-blank line.
  PlainLinesReader(std::unique_ptr<Utf8Source> source, std::size_t max_line_bytes);
  const std::vector<std::string>& header() const override { return header_; }
  bool next(RawRecord& rec) override;
  std::string describe() const override;
  std::string input_hash() const override { return lines_.source().raw_hash(); }

 private:
  bool read_line(RawRecord& rec);

  LineSplitter lines_;
  std::vector<std::string> header_{"text"};
  std::vector<RawRecord> first_;  // read to tell an empty input
  std::size_t rows_ = 0;
};

}  // namespace ascolto

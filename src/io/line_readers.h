// Readers for line-oriented inputs:
//  - JsonlReader: one JSON object per line; its keys are the columns (taken from the first
//    object, in order). Numbers and booleans become their JSON text, null becomes "".
//  - PlainLinesReader: a comment dump, one comment per line, with the single column "text".
// A line that is not valid JSON is returned as a record with its error (line, column). Lines are
// read up to `max_line_bytes` so memory stays bounded: a longer JSONL line is rejected whole (a
// cut object cannot be parsed), a longer plain line is cut at a character boundary and flagged.
//
//   JsonlReader r(Utf8Source::open("feedback.jsonl", ""));
#pragma once

#include <memory>
#include <string>
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

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::unique_ptr<Utf8Source> source, std::size_t max_line_bytes);
  const std::vector<std::string>& header() const override { return header_; }
  bool next(RawRecord& rec) override;
  std::string describe() const override;
  std::string input_hash() const override { return lines_.source().raw_hash(); }

 private:
  bool parse_line(const std::string& line, std::size_t line_number, RawRecord& rec);

  LineSplitter lines_;
  std::vector<std::string> header_;
  std::vector<RawRecord> first_;  // the record read to learn the header
  std::size_t rows_ = 0;
};

class PlainLinesReader : public RecordReader {
 public:
  PlainLinesReader(std::unique_ptr<Utf8Source> source, std::size_t max_line_bytes);
  const std::vector<std::string>& header() const override { return header_; }
  bool next(RawRecord& rec) override;
  std::string describe() const override;
  std::string input_hash() const override { return lines_.source().raw_hash(); }

 private:
  LineSplitter lines_;
  std::vector<std::string> header_{"text"};
  std::size_t rows_ = 0;
};

}  // namespace ascolto

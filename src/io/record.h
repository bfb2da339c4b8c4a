// What every reader yields: one raw record (fields in header order) with where it came from,
// or the reason it could not be read. Readers never drop a record silently.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ascolto {

struct RecordError {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;
};

struct RawRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;        // 1-based physical line where the record starts
  std::size_t row_number = 0;  // 1-based data row number (header and skipped rows excluded)
  std::string raw;             // the record as it appeared in the input (UTF-8), for rejects
  std::optional<RecordError> error;
  std::vector<std::size_t> truncated;  // 1-based fields cut at the reader's field size limit
};

// A source of records with a header naming its columns.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  virtual const std::vector<std::string>& header() const = 0;
  // Fills `rec` with the next record; false at end of input.
  virtual bool next(RawRecord& rec) = 0;
  // Human-readable description of the detected format ("CSV ';' windows-1252").
  virtual std::string describe() const = 0;
  // Hash of the input bytes consumed so far (complete at end of input).
  virtual std::string input_hash() const = 0;
  // Question texts per column when the export carries them (Qualtrics' second header row).
  virtual std::vector<std::string> column_descriptions() const { return {}; }
};

}  // namespace ascolto

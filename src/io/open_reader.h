// Chooses and opens the right reader for an input: by --format, else by extension (.csv .tsv
// -> CSV, .jsonl .ndjson -> JSONL, .txt -> plain lines), else by sniffing the first bytes
// ("{" -> JSONL, otherwise CSV). "-" is standard input.
//
//   auto reader = open_reader("export.csv", {});
#pragma once

#include <memory>
#include <string>

#include "io/csv_reader.h"
#include "io/record.h"

namespace ascolto {

enum class InputFormat { Auto, Csv, Jsonl, Lines };

// Parses "auto", "csv", "tsv", "jsonl", "lines"; throws UsageError otherwise. "tsv" sets the
// tab delimiter in `csv`.
InputFormat parse_input_format(const std::string& name, CsvOptions& csv);

struct ReaderOptions {
  InputFormat format = InputFormat::Auto;
  CsvOptions csv;
  std::string encoding;  // empty = detect
  // Longest field (CSV) or line (JSONL, plain lines) kept; see CsvOptions and the line readers.
  std::size_t max_field_bytes = 1 << 20;
};

std::unique_ptr<RecordReader> open_reader(const std::string& path, const ReaderOptions& options);

}  // namespace ascolto

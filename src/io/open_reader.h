// Chooses and opens the right reader for an input: a workbook by its first bytes (a zip with
// xl/workbook.xml -> .xlsx; Excel 97-2003 .xls, OpenDocument .ods and other zips get an
// InputError saying how to convert them: they are never read as text), else by --format, else
// by extension (.csv .tsv -> CSV, .jsonl .ndjson -> JSONL, .txt -> plain lines), else by
// sniffing the first bytes ("{" -> JSONL, otherwise CSV). "-" is standard input.
//
//   auto reader = open_reader("export.csv", {});
#pragma once

#include <memory>
#include <string>

#include "io/csv_reader.h"
#include "io/peekable_input.h"
#include "io/record.h"

namespace ascolto {

enum class InputFormat { Auto, Csv, Jsonl, Lines, Xlsx };

// Parses "auto", "csv", "tsv", "jsonl", "lines", "xlsx"; throws UsageError otherwise. "tsv" sets
// the tab delimiter in `csv`.
InputFormat parse_input_format(const std::string& name, CsvOptions& csv);

// Parses a --delimiter value: "" (detect) -> 0, ",", ";", "|", "tab"; throws UsageError otherwise.
char parse_delimiter_option(const std::string& name);

struct ReaderOptions {
  InputFormat format = InputFormat::Auto;
  CsvOptions csv;
  std::string encoding;  // empty = detect
  // Longest field (CSV) or line (JSONL, plain lines) kept; see CsvOptions and the line readers.
  std::size_t max_field_bytes = 1 << 20;
  std::string sheet;  // the .xlsx sheet to read; empty = the first
  // What "-" reads: standard input through a PeekableInput when a comment sample peeks at it
  // before the import; null = standard input directly.
  std::shared_ptr<PeekableInput> standard_input;
};

std::unique_ptr<RecordReader> open_reader(const std::string& path, const ReaderOptions& options);

}  // namespace ascolto

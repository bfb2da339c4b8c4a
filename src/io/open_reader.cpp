#include "io/open_reader.h"

#include <algorithm>

#include "common/error.h"
#include "io/line_readers.h"

namespace ascolto {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
}

}  // namespace

InputFormat parse_input_format(const std::string& name, CsvOptions& csv) {
  if (name == "auto") return InputFormat::Auto;
  if (name == "csv") return InputFormat::Csv;
  if (name == "tsv") {
    csv.delimiter = '\t';
    return InputFormat::Csv;
  }
  if (name == "jsonl") return InputFormat::Jsonl;
  if (name == "lines") return InputFormat::Lines;
  throw UsageError("unknown --format '" + name + "'; expected auto, csv, tsv, jsonl or lines");
}

std::unique_ptr<RecordReader> open_reader(const std::string& path, const ReaderOptions& options) {
  auto source = Utf8Source::open(path, options.encoding);
  InputFormat format = options.format;
  CsvOptions csv = options.csv;
  csv.max_field_bytes = options.max_field_bytes;
  if (format == InputFormat::Auto) {
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) {
      format = InputFormat::Jsonl;
    } else if (ends_with(path, ".txt")) {
      format = InputFormat::Lines;
    } else if (ends_with(path, ".csv") || ends_with(path, ".tsv")) {
      format = InputFormat::Csv;
      if (ends_with(path, ".tsv") && csv.delimiter == 0) csv.delimiter = '\t';
    } else {
      format = InputFormat::Csv;
      std::string first;
      if (source->read(first)) {
        const auto p = first.find_first_not_of(" \t\r\n");
        if (p != std::string::npos && first[p] == '{') format = InputFormat::Jsonl;
        source->unread(std::move(first));
      }
    }
  }
  switch (format) {
    case InputFormat::Jsonl:
      return std::make_unique<JsonlReader>(std::move(source), options.max_field_bytes);
    case InputFormat::Lines:
      return std::make_unique<PlainLinesReader>(std::move(source), options.max_field_bytes);
    case InputFormat::Auto:
    case InputFormat::Csv:
      break;
  }
  return std::make_unique<CsvReader>(std::move(source), csv);
}

}  // namespace ascolto

#include "io/open_reader.h"

#include <algorithm>
#include <string_view>
#include <vector>

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

// A dump of comments (standard input, no extension) rather than a table: no quotes, and no
// delimiter that every line of the sample has the same number of times ("Servizio ottimo,
// grazie!" then "Consegna in ritardo"). A table's header and rows agree on one.
bool looks_like_comment_dump(std::string_view sample) {
  if (sample.find('"') != std::string_view::npos) return false;
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < sample.size() && lines.size() < 50;) {
    const std::size_t end = sample.find('\n', start);
    if (end == std::string_view::npos) break;  // the last line may be cut: not counted
    if (end > start) lines.push_back(sample.substr(start, end - start));
    start = end + 1;
  }
  if (lines.size() < 2) return false;
  for (const char d : {',', ';', '\t', '|'}) {
    const auto n = std::count(lines[0].begin(), lines[0].end(), d);
    if (n > 0 && std::all_of(lines.begin(), lines.end(), [&](std::string_view l) {
          return std::count(l.begin(), l.end(), d) == n;
        }))
      return false;
  }
  return true;
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
        if (format == InputFormat::Csv && csv.delimiter == 0 && looks_like_comment_dump(first))
          format = InputFormat::Lines;
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

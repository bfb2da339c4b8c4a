#include "io/open_reader.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "io/line_readers.h"
#include "io/xlsx_reader.h"

namespace ascolto {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
}

constexpr const char* kConvert =
    "open it in Excel or LibreOffice and save it as .xlsx or as CSV UTF-8, or run "
    "'libreoffice --headless --convert-to xlsx FILE'";

// What the first bytes of a file say it is, when it is a container no text reader may read.
enum class Container { Text, Zip, Ole };

Container sniff_container(const std::string& path) {
  if (path == "-") return Container::Text;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Container::Text;  // Utf8Source reports why it cannot be opened
  unsigned char magic[8] = {};
  const std::size_t n = std::fread(magic, 1, sizeof magic, f);
  std::fclose(f);
  if (n >= 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0) return Container::Zip;
  if (n == 8 && std::memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return Container::Ole;
  return Container::Text;
}

// Whether the zip has `entry` (an .xlsx has xl/workbook.xml, an .ods a "mimetype" saying so).
bool zip_has(const std::string& path, const char* entry, std::string* content = nullptr) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) return false;
  const bool found = zip_name_locate(z, entry, 0) >= 0;
  if (found && content) {
    if (zip_file_t* f = zip_fopen(z, entry, 0)) {
      char buf[128];
      const zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n > 0) content->assign(buf, static_cast<std::size_t>(n));
      zip_fclose(f);
    }
  }
  zip_discard(z);
  return found;
}

// A zip that is not an .xlsx: an error saying what it is and how to convert it.
[[noreturn]] void refuse_zip(const std::string& path) {
  std::string mimetype;
  if (zip_has(path, "mimetype", &mimetype) &&
      mimetype.find("opendocument.spreadsheet") != std::string::npos) {
    throw InputError({path, 0, 0},
                     std::string("an OpenDocument spreadsheet (.ods), which Ascolto does not "
                                 "read: ") +
                         kConvert);
  }
  throw InputError({path, 0, 0},
                   "a zip archive that is not an .xlsx workbook; expected CSV, TSV, JSON lines, "
                   "plain text or .xlsx");
}

// One line alone: a comment ("Servizio ottimo, grazie!") rather than the header of a table with
// no rows, unless every cell looks like a column name: no delimiter means one comment; a cell
// that is empty, starts or ends with a space or has more than four words is not a header's.
bool single_line_is_comment(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  for (const char d : {',', ';', '\t', '|'}) {
    if (line.find(d) == std::string_view::npos) continue;
    for (std::size_t start = 0; start <= line.size();) {
      std::size_t end = line.find(d, start);
      if (end == std::string_view::npos) end = line.size();
      const std::string_view cell = line.substr(start, end - start);
      if (cell.empty() || cell.front() == ' ' || cell.back() == ' ' ||
          std::count(cell.begin(), cell.end(), ' ') >= 4)
        return true;
      start = end + 1;
    }
    return false;
  }
  return true;
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
  if (lines.empty() && !sample.empty()) lines.push_back(sample);  // all of it is one line
  if (lines.size() == 1) return single_line_is_comment(lines[0]);
  if (lines.empty()) return false;
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
  if (name == "xlsx") return InputFormat::Xlsx;
  throw UsageError("unknown --format '" + name +
                   "'; expected auto, csv, tsv, jsonl, lines or xlsx");
}

char parse_delimiter_option(const std::string& d) {
  if (d.empty()) return 0;
  if (d == "tab" || d == "\\t" || d == "\t") return '\t';
  if (d == "," || d == ";" || d == "|") return d[0];
  throw UsageError("--delimiter must be ',', ';', '|' or 'tab'");
}

std::unique_ptr<RecordReader> open_reader(const std::string& path, const ReaderOptions& options) {
  // Workbooks by their bytes, whatever the extension or --format: zip or OLE bytes read as text
  // would be stored as comments.
  switch (sniff_container(path)) {
    case Container::Zip:
      if (!zip_has(path, "xl/workbook.xml")) refuse_zip(path);
      return std::make_unique<XlsxReader>(path, options.sheet, options.max_field_bytes);
    case Container::Ole:
      throw InputError({path, 0, 0},
                       std::string("an Excel 97-2003 workbook (.xls), which Ascolto does not "
                                   "read: ") +
                           kConvert);
    case Container::Text:
      break;
  }
  if (options.format == InputFormat::Xlsx || ends_with(path, ".xlsx")) {
    throw InputError({path, 0, 0},
                     "not an .xlsx workbook (its first bytes are not a zip "
                     "archive's); if it is CSV, rename it or pass --format csv");
  }
  if (ends_with(path, ".ods")) {
    throw InputError({path, 0, 0},
                     std::string("not an OpenDocument spreadsheet (no zip archive): ") + kConvert);
  }
  auto source = Utf8Source::open(path, options.encoding, options.standard_input);
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
        // A workbook piped on standard input cannot be opened in place.
        if (first.rfind("PK\x03\x04", 0) == 0) {
          throw InputError({source->name(), 0, 0},
                           "zip data (an .xlsx or .ods workbook?) on standard input: save it to "
                           "a file and pass its path");
        }
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
    case InputFormat::Xlsx:
      break;
  }
  return std::make_unique<CsvReader>(std::move(source), csv);
}

}  // namespace ascolto

#include "io/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/error.h"
#include "common/hash.h"
#include "io/csv_cell.h"
#include "io/dates.h"
#include "io/utf8_source.h"
#include "io/xlsx_parts.h"

namespace ascolto {
namespace {

constexpr std::size_t kChunk = xlsx::kChunk;
constexpr std::size_t kMaxColumns = 16384;  // Excel's own limit (XFD)

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using xlsx::attribute;
using xlsx::local;
using xlsx::Parser;

}  // namespace

struct XlsxReader::State {
  std::unique_ptr<zip_t, ZipCloser> zip;
  std::unique_ptr<zip_file_t, ZipFileCloser> sheet;
  Parser parser;
  std::vector<std::string> shared;
  std::vector<bool> date_style;
  bool base_1904 = false;
  std::size_t max_field_bytes = 1 << 20;
  bool done = false;
  std::string error;

  // The row being parsed.
  std::size_t row_number = 0;
  std::vector<std::string> cells;
  std::vector<std::size_t> truncated;
  std::size_t column = 0;
  std::string type;
  long style = 0;
  bool in_cell = false, in_value = false, in_inline = false, in_text = false;
  int in_phonetic = 0;
  bool cut = false;
  std::string value;

  struct Row {
    std::size_t number;
    std::vector<std::string> cells;
    std::vector<std::size_t> truncated;
  };
  std::deque<Row> ready;

  void fail(std::string message) {
    if (error.empty()) error = std::move(message);
    XML_StopParser(parser.get(), XML_FALSE);
  }
};

namespace {
// "C5" -> column 2 (0-based); npos when the reference has no letters.
std::size_t column_of(const char* ref) {
  std::size_t col = 0;
  bool any = false;
  for (const char* p = ref; *p >= 'A' && *p <= 'Z'; ++p) {
    col = col * 26 + static_cast<std::size_t>(*p - 'A' + 1);
    any = true;
    if (col > kMaxColumns) return kMaxColumns;
  }
  return any ? col - 1 : std::string::npos;
}

void XMLCALL sheet_start(void* user, const XML_Char* name, const XML_Char** atts) {
  auto& s = *static_cast<XlsxReader::State*>(user);
  const std::string_view el = local(name);
  if (el == "row") {
    const char* r = attribute(atts, "r");
    const std::size_t n = r ? std::strtoul(r, nullptr, 10) : 0;
    s.row_number = n > 0 ? n : s.row_number + 1;
    s.cells.clear();
    s.truncated.clear();
    s.column = std::string::npos;
  } else if (el == "c") {
    const char* r = attribute(atts, "r");
    const std::size_t col = r ? column_of(r) : std::string::npos;
    s.column = col != std::string::npos ? col : s.column + 1;  // npos + 1 == 0
    if (s.column >= kMaxColumns) {
      s.fail("cell " + std::string(r ? r : "?") + " is past Excel's last column");
      return;
    }
    const char* t = attribute(atts, "t");
    s.type = t ? t : "n";
    const char* st = attribute(atts, "s");
    s.style = st ? std::strtol(st, nullptr, 10) : 0;
    s.in_cell = true;
    s.value.clear();
    s.cut = false;
  } else if (el == "v" && s.in_cell) {
    s.in_value = true;
  } else if (el == "is" && s.in_cell) {
    s.in_inline = true;
  } else if (el == "t" && s.in_inline) {
    s.in_text = true;
  } else if (el == "rPh") {
    ++s.in_phonetic;
  }
}

void finish_cell(XlsxReader::State& s) {
  std::string text;
  if (s.type == "s") {
    char* end = nullptr;
    const unsigned long i = std::strtoul(s.value.c_str(), &end, 10);
    if (end == s.value.c_str() || i >= s.shared.size()) {
      s.fail("cell in row " + std::to_string(s.row_number) + " names shared string '" + s.value +
             "', which the workbook does not have");
      return;
    }
    text = s.shared[i];
  } else if (s.type == "b") {
    text = s.value == "1" ? "TRUE" : "FALSE";
  } else if (s.type == "n" && !s.value.empty() && s.style >= 0 &&
             static_cast<std::size_t>(s.style) < s.date_style.size() &&
             s.date_style[static_cast<std::size_t>(s.style)]) {
    char* end = nullptr;
    const double serial = std::strtod(s.value.c_str(), &end);
    const auto date = *end == '\0' ? excel_serial_date(serial, s.base_1904) : std::nullopt;
    text = date ? *date : s.value;
  } else {
    text = std::move(s.value);  // numbers as stored, inline and formula strings, errors
  }
  if (text.size() > s.max_field_bytes) {
    text.resize(s.max_field_bytes);
    s.cut = true;
  }
  if (s.cut) {
    truncate_to_char_boundary(text);
    s.truncated.push_back(s.column + 1);
  }
  if (s.cells.size() <= s.column) s.cells.resize(s.column + 1);
  s.cells[s.column] = std::move(text);
}

void XMLCALL sheet_end(void* user, const XML_Char* name) {
  auto& s = *static_cast<XlsxReader::State*>(user);
  const std::string_view el = local(name);
  if (el == "c" && s.in_cell) {
    s.in_cell = s.in_value = s.in_inline = s.in_text = false;
    finish_cell(s);
  } else if (el == "v") {
    s.in_value = false;
  } else if (el == "t") {
    s.in_text = false;
  } else if (el == "is") {
    s.in_inline = false;
  } else if (el == "rPh" && s.in_phonetic > 0) {
    --s.in_phonetic;
  } else if (el == "row") {
    s.ready.push_back({s.row_number, std::move(s.cells), std::move(s.truncated)});
    s.cells.clear();
    s.truncated.clear();
  }
}

void XMLCALL sheet_chars(void* user, const XML_Char* text, int len) {
  auto& s = *static_cast<XlsxReader::State*>(user);
  if (!(s.in_value || (s.in_text && s.in_phonetic == 0))) return;
  // The text of a cell is kept up to the field limit (plus a character's bytes), so one huge
  // cell cannot take the memory.
  const std::size_t room =
      s.max_field_bytes + 4 > s.value.size() ? s.max_field_bytes + 4 - s.value.size() : 0;
  const std::size_t n = std::min(room, static_cast<std::size_t>(len));
  s.value.append(text, n);
  if (n < static_cast<std::size_t>(len)) s.cut = true;
}

std::string resolve_target(std::string target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

bool all_empty(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return c.find_first_not_of(" \t\r\n") == std::string::npos;
  });
}

}  // namespace

XlsxReader::XlsxReader(const std::string& path, const std::string& sheet,
                       std::size_t max_field_bytes)
    : name_(path), state_(std::make_unique<State>()) {
  state_->max_field_bytes = max_field_bytes;
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    const std::string why = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    throw InputError({path, 0, 0}, "not a readable .xlsx workbook: " + why);
  }
  state_->zip.reset(z);
  // The input's hash, as for text inputs: of the file's bytes.
  ContentHasher h;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    std::string buf(kChunk, '\0');
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), f)) > 0;)
      h.add_bytes(std::string_view(buf.data(), n));
    std::fclose(f);
  }
  hash_ = h.hex();
  open(sheet);
}

XlsxReader::XlsxReader(std::string name, std::string bytes, const std::string& sheet,
                       std::size_t max_field_bytes)
    : name_(std::move(name)), bytes_(std::move(bytes)), state_(std::make_unique<State>()) {
  state_->max_field_bytes = max_field_bytes;
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &ze);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : nullptr;
  if (z == nullptr) {
    if (src) zip_source_free(src);
    const std::string why = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    throw InputError({name_, 0, 0}, "not a readable .xlsx workbook: " + why);
  }
  zip_error_fini(&ze);
  state_->zip.reset(z);
  ContentHasher h;
  h.add_bytes(bytes_);
  hash_ = h.hex();
  open(sheet);
}

std::unique_ptr<XlsxReader> XlsxReader::from_bytes(std::string bytes, const std::string& name,
                                                   const std::string& sheet,
                                                   std::size_t max_field_bytes) {
  return std::unique_ptr<XlsxReader>(
      new XlsxReader(name, std::move(bytes), sheet, max_field_bytes));
}

XlsxReader::~XlsxReader() = default;

void XlsxReader::open(const std::string& sheet) {
  zip_t* zip = state_->zip.get();
  const xlsx::Workbook wb = xlsx::read_workbook(zip, name_);
  base_1904_ = state_->base_1904 = wb.base_1904;
  for (const auto& s : wb.sheets) sheet_names_.push_back(s.first);
  if (wb.sheets.empty()) throw InputError({name_, 0, 0}, "the workbook has no sheet");
  auto chosen = wb.sheets.begin();
  if (!sheet.empty()) {
    chosen = std::find_if(wb.sheets.begin(), wb.sheets.end(),
                          [&](const auto& s) { return s.first == sheet; });
    if (chosen == wb.sheets.end()) {
      std::string names;
      for (const auto& s : wb.sheets) names += (names.empty() ? "'" : ", '") + s.first + "'";
      throw InputError({name_, 0, 0}, "no sheet '" + sheet + "' in the workbook; it has " + names);
    }
  }
  sheet_ = chosen->first;
  const auto target = wb.targets.find(chosen->second);
  const std::string part =
      target != wb.targets.end()
          ? resolve_target(target->second)
          : "xl/worksheets/sheet" + std::to_string(chosen - wb.sheets.begin() + 1) + ".xml";
  state_->date_style = xlsx::read_date_styles(zip, name_);
  state_->shared = xlsx::read_shared_strings(zip, name_);
  zip_file_t* f = zip_fopen(zip, part.c_str(), 0);
  if (f == nullptr) {
    throw InputError({name_, 0, 0},
                     "sheet '" + sheet_ + "' (" + part + ") is missing from the workbook");
  }
  state_->sheet.reset(f);
  state_->parser = xlsx::make_parser(state_.get(), sheet_start, sheet_end, sheet_chars);
  // The header: the first row with something in it.
  while (fill()) {
    State::Row row = std::move(state_->ready.front());
    state_->ready.pop_front();
    if (all_empty(row.cells)) continue;
    header_ = std::move(row.cells);
    while (!header_.empty() && header_.back().empty()) header_.pop_back();
    break;
  }
  if (header_.empty()) throw InputError({name_, 0, 0}, "sheet '" + sheet_ + "' is empty");
}

bool XlsxReader::fill() {
  State& s = *state_;
  std::string buf(kChunk, '\0');
  while (s.ready.empty() && !s.done) {
    const zip_int64_t n = zip_fread(s.sheet.get(), buf.data(), buf.size());
    if (n < 0) {
      throw InputError({name_, s.row_number, 0},
                       "sheet '" + sheet_ + "' cannot be read: " +
                           zip_error_strerror(zip_file_get_error(s.sheet.get())));
    }
    if (XML_Parse(s.parser.get(), buf.data(), static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
      const std::string why =
          !s.error.empty() ? s.error : XML_ErrorString(XML_GetErrorCode(s.parser.get()));
      throw InputError({name_, s.row_number, 0}, "sheet '" + sheet_ + "' is not valid: " + why);
    }
    if (n == 0) s.done = true;
  }
  return !s.ready.empty();
}

bool XlsxReader::next(RawRecord& rec) {
  for (;;) {
    if (state_->ready.empty() && !fill()) return false;
    State::Row row = std::move(state_->ready.front());
    state_->ready.pop_front();
    if (all_empty(row.cells)) continue;  // a formatted but empty row
    // Cells past the header that are empty are nothing; anything there is kept, so the row
    // mapper rejects it with the count instead of it being dropped.
    while (row.cells.size() > header_.size() && row.cells.back().empty()) row.cells.pop_back();
    if (row.cells.size() < header_.size()) row.cells.resize(header_.size());
    rec = RawRecord();
    rec.line = row.number;
    rec.row_number = ++rows_;
    for (std::size_t i = 0; i < row.cells.size(); ++i)
      rec.raw += (i ? "," : "") + csv_cell(row.cells[i]);
    rec.fields = std::move(row.cells);
    rec.truncated = std::move(row.truncated);
    return true;
  }
}

std::string XlsxReader::describe() const {
  return "xlsx, sheet '" + sheet_ + "'" + (base_1904_ ? ", 1904 dates" : "");
}

}  // namespace ascolto

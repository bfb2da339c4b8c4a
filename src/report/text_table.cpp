#include "report/text_table.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "text/utf8.h"

namespace ascolto {

std::size_t display_width(const std::string& s) {
  return code_point_count(s);
}

std::string terminal_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  const auto length = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, length, c);
    char buf[16];
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (c >= 0 && (c < 0x20 || c == 0x7F)) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
      out += buf;
    } else if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
               (c >= 0x2066 && c <= 0x2069)) {
      // C1 controls (U+009B is a one-byte CSI on some terminals), bidi embeddings, overrides
      // and isolates (they reorder what follows on the line).
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(s, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

TextTable::TextTable(std::vector<std::string> header) : left_(header.size(), false) {
  if (!left_.empty()) left_.front() = true;
  for (std::string& cell : header) cell = terminal_safe(cell);
  rows_.push_back(std::move(header));
}

void TextTable::align_left(std::size_t column) {
  left_.at(column) = true;
}

void TextTable::add(std::vector<std::string> row) {
  row.resize(rows_.front().size());
  for (std::string& cell : row) cell = terminal_safe(cell);
  rows_.push_back(std::move(row));
}

void TextTable::print(std::ostream& out, const std::string& indent) const {
  std::vector<std::size_t> widths(rows_.front().size(), 0);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  for (const auto& row : rows_) {
    std::string line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(widths[c] - display_width(row[c]), ' ');
      const std::string gap = c == 0 ? "" : "  ";
      line += left_[c] ? gap + row[c] + pad : gap + pad + row[c];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

}  // namespace ascolto

#include "report/text_table.h"

#include <algorithm>
#include <cstdio>

#include "text/utf8.h"

namespace ascolto {

std::size_t display_width(const std::string& s) {
  return code_point_count(s);
}

std::string terminal_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  char buf[16];
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      // C1 controls U+0080..U+009F (U+009B is a one-byte CSI on some terminals).
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(s[++i]));
      out += buf;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) >= 0xAA &&
               static_cast<unsigned char>(s[i + 2]) <= 0xAE) {
      // U+202A..U+202E: embeddings and overrides that reorder what follows on the line.
      std::snprintf(buf, sizeof buf, "\\u%04X",
                    0x2000 + static_cast<unsigned char>(s[i + 2]) - 0x80);
      out += buf;
      i += 2;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81 &&
               static_cast<unsigned char>(s[i + 2]) >= 0xA6 &&
               static_cast<unsigned char>(s[i + 2]) <= 0xA9) {
      // U+2066..U+2069: isolates.
      std::snprintf(buf, sizeof buf, "\\u%04X",
                    0x2040 + static_cast<unsigned char>(s[i + 2]) - 0x80);
      out += buf;
      i += 2;
    } else {
      out += s[i];
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

#include "report/text_table.h"

#include "text/utf8.h"

#include <algorithm>

namespace ascolto {

std::size_t display_width(const std::string& s) {
  return code_point_count(s);
}

TextTable::TextTable(std::vector<std::string> header) : left_(header.size(), false) {
  if (!left_.empty()) left_.front() = true;
  rows_.push_back(std::move(header));
}

void TextTable::align_left(std::size_t column) {
  left_.at(column) = true;
}

void TextTable::add(std::vector<std::string> row) {
  row.resize(rows_.front().size());
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

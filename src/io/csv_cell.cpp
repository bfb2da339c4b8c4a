#include "io/csv_cell.h"

namespace ascolto {

std::string csv_cell(std::string_view value, char delimiter) {
  std::string cell;
  // Excel, LibreOffice and Google Sheets evaluate a cell starting with any of these.
  const bool formula_like =
      !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
  if (formula_like) cell.push_back('\'');
  cell.append(value);
  if (cell.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

}  // namespace ascolto

// An aligned plain-text table for the terminal: the first column left-aligned, the others
// right-aligned, widths from the content. No colour or escape codes, so it reads the same in a
// terminal, a pipe or a file.
//
//   TextTable t({"month", "n", "NPS"});
//   t.add({"2026-01", "53", "+26.4"});
//   t.print(std::cout);
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ascolto {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  void add(std::vector<std::string> row);
  // A column of prose (a quoted comment) reads better left-aligned, like the first.
  void align_left(std::size_t column);
  void print(std::ostream& out, const std::string& indent = "  ") const;

 private:
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> left_;
};

// Display width in code points (UTF-8 continuation bytes do not advance the cursor).
std::size_t display_width(const std::string& s);

// Text from the data made safe to print on a terminal: control characters (C0, DEL, C1 such as
// ESC of a colour code or an OSC 52 clipboard write) and bidirectional overrides are shown as
// escapes ("\x1B", "\u202E"); tabs and line breaks become spaces. Every cell of a TextTable
// goes through it.
//
//   terminal_safe("\x1b[31mRoma") == "\\x1B[31mRoma"
std::string terminal_safe(const std::string& s);

}  // namespace ascolto

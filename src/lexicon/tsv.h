// Reads the lexicons' plain TSV: UTF-8, `#` comment lines, blank lines ignored, fields split on
// tabs. Every line knows its file:line for error messages.
//
//   for (const TsvLine& l : read_tsv("lexicons/it/sentiment.tsv")) use(l.fields, l.pos);
#pragma once

#include <string>
#include <vector>

#include "common/error.h"

namespace ascolto {

struct TsvLine {
  std::vector<std::string> fields;
  SourcePos pos;
};

// Throws LexiconError for an unreadable file or invalid UTF-8.
std::vector<TsvLine> read_tsv(const std::string& path);

// Throws LexiconError at `line` unless it has between `min` and `max` fields.
void expect_fields(const TsvLine& line, std::size_t min, std::size_t max, const char* format);

// Parses a number in [lo, hi]; throws LexiconError at `line` naming `what`.
float parse_number(const TsvLine& line, std::size_t field, float lo, float hi, const char* what);

// Calls `parse(line)` for each line. Without `errors` a LexiconError propagates (the first error
// stops the load); with it, the error is kept there and the next line is read, so that `lexicon
// check` can list every bad line at once. A line that fails adds nothing.
template <class Parse>
void for_each_line(const std::vector<TsvLine>& lines, std::vector<LexiconError>* errors,
                   Parse&& parse) {
  for (const TsvLine& line : lines) {
    try {
      parse(line);
    } catch (const LexiconError& e) {
      if (!errors) throw;
      errors->push_back(e);
    }
  }
}

}  // namespace ascolto

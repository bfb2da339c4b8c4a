#include "lexicon/tsv.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "io/utf8_source.h"

namespace ascolto {

std::vector<TsvLine> read_tsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LexiconError({path, 0, 0}, "cannot open lexicon file");
  std::vector<TsvLine> out;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (const std::size_t bad = first_invalid_utf8(line); bad != std::string::npos) {
      throw LexiconError({path, n, bad + 1}, "invalid UTF-8; lexicon files must be UTF-8");
    }
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    TsvLine l;
    l.pos = {path, n, 0};
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      l.fields.push_back(
          line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    // Trailing empty fields come from stray tabs; they carry nothing.
    while (l.fields.size() > 1 && l.fields.back().empty()) l.fields.pop_back();
    out.push_back(std::move(l));
  }
  return out;
}

void expect_fields(const TsvLine& line, std::size_t min, std::size_t max, const char* format) {
  if (line.fields.size() < min || line.fields.size() > max) {
    throw LexiconError(line.pos, "expected " + std::string(format) + ", found " +
                                     std::to_string(line.fields.size()) + " tab-separated fields");
  }
}

float parse_number(const TsvLine& line, std::size_t field, float lo, float hi, const char* what) {
  const std::string& s = line.fields[field];
  float v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    throw LexiconError(line.pos, std::string(what) + " '" + s + "' is not a number");
  }
  // NaN passes every range test, and "inf" parses: both would poison the scorer's arithmetic.
  if (!std::isfinite(v)) {
    throw LexiconError(line.pos, std::string(what) + " '" + s + "' is not a finite number");
  }
  if (v < lo || v > hi) {
    std::ostringstream msg;
    msg << what << " " << s << " is outside " << lo << " .. " << hi;
    throw LexiconError(line.pos, msg.str());
  }
  return v;
}

}  // namespace ascolto

#include "io/column_profile.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <set>

#include "io/column_mapping.h"
#include "io/dates.h"

namespace ascolto {
namespace cell_text {

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string without_bom(std::string_view cell) {
  if (cell.substr(0, 3) == "\xEF\xBB\xBF") cell.remove_prefix(3);
  return std::string(cell);
}

}  // namespace cell_text

namespace {

using cell_text::lower_ascii;
using cell_text::trim;
using cell_text::without_bom;

bool is_missing(const std::string& v) {
  static const std::set<std::string> kMissing = {"",    "na",   "n/a",  "null", "none", "-",
                                                 "nan", "#n/a", "#n/d", "n.d.", "nd"};
  return kMissing.count(lower_ascii(v)) > 0;
}

}  // namespace

std::optional<Band> nps_group_band(const std::string& v) {
  static const std::array<std::pair<const char*, Band>, 14> kGroups = {{
      {"promoter", Band::Promoter},
      {"promoters", Band::Promoter},
      {"promotore", Band::Promoter},
      {"promotori", Band::Promoter},
      {"passive", Band::Passive},
      {"passives", Band::Passive},
      {"passivo", Band::Passive},
      {"passivi", Band::Passive},
      {"neutral", Band::Passive},
      {"detractor", Band::Detractor},
      {"detractors", Band::Detractor},
      {"detrattore", Band::Detractor},
      {"detrattori", Band::Detractor},
      {"neutrale", Band::Passive},
  }};
  const std::string k = lower_ascii(trim(v));
  for (const auto& [name, band] : kGroups) {
    if (k == name) return band;
  }
  return std::nullopt;
}

ColumnProfile profile_column(const std::vector<RawRecord>& sample, std::size_t column) {
  static const RE2 number(R"([+-]?\d+(?:[.,]\d+)?)");
  static const RE2 counter(R"((\d{1,12}))");
  static const RE2 bare_number(R"(\d+(?:\.\d+)?)");
  static const RE2 numberish(R"([+\d][\d\s\-()./]*)");
  static const RE2 email(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  static const RE2 letter(R"(\pL)");
  ColumnProfile p;
  std::set<std::string> distinct;
  long long previous = -1;
  for (const RawRecord& rec : sample) {
    if (rec.error || column >= rec.fields.size()) continue;
    const std::string v = trim(without_bom(rec.fields[column]));
    if (is_missing(v)) continue;
    ++p.nonempty;
    p.total_len += v.size();
    p.max_len = std::max(p.max_len, v.size());
    if (distinct.size() <= 1000) distinct.insert(v);
    if (p.values.size() < 1000) p.values.push_back(v);
    if (RE2::FullMatch(v, numberish)) ++p.numbers;
    // A bare number is a date only when the header says so (Excel serials look like ids).
    if (!RE2::FullMatch(v, bare_number) &&
        (parse_date(v, DateOrder::DayFirst) || parse_date(v, DateOrder::MonthFirst)))
      ++p.dates;
    if (RE2::FullMatch(v, number) && parse_score(v).value) ++p.scores;
    long long n = 0;
    if (RE2::FullMatch(v, counter, &n) && (previous < 0 || n == previous + 1)) {
      previous = n;
    } else {
      p.sequential = false;
    }
    if (RE2::PartialMatch(v, email)) ++p.emails;
    const std::string low = lower_ascii(v);
    if (low == "true" || low == "false" || low == "vero" || low == "falso") ++p.booleans;
    if (nps_group_band(v)) ++p.groups;
    if (RE2::PartialMatch(v, letter)) ++p.letters;
  }
  p.distinct = distinct.size();
  if (p.nonempty < 3) p.sequential = false;
  return p;
}

}  // namespace ascolto

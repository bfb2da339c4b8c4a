#include "io/dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace ascolto {
namespace {

bool valid_ymd(int y, int m, int d) {
  using namespace std::chrono;
  return y >= 1900 && y <= 2200 &&
         year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}
             .ok();
}

std::string format(int y, int mo, int d, int h, int mi, int s, bool has_time) {
  char buf[80];  // room for any int values, though callers pass validated ones
  if (has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
  }
  return buf;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// English and Italian month names and their usual abbreviations, 1-based; 0 when unknown.
int month_number(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::array<std::array<const char*, 5>, 12> kNames = {{
      {"january", "jan", "gennaio", "gen", ""},
      {"february", "feb", "febbraio", "", ""},
      {"march", "mar", "marzo", "", ""},
      {"april", "apr", "aprile", "", ""},
      {"may", "maggio", "mag", "", ""},
      {"june", "jun", "giugno", "giu", ""},
      {"july", "jul", "luglio", "lug", ""},
      {"august", "aug", "agosto", "ago", ""},
      {"september", "sep", "sept", "settembre", "set"},
      {"october", "oct", "ottobre", "ott", ""},
      {"november", "nov", "novembre", "", ""},
      {"december", "dec", "dicembre", "dic", ""},
  }};
  for (std::size_t m = 0; m < kNames.size(); ++m) {
    for (const char* n : kNames[m]) {
      if (*n != '\0' && name == n) return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

// The time after a date: "10:22", "10:22:05", "19.30.49", "05:20:13 AM", "5:20 p.m.", with an
// optional zone that is read past, not applied (the respondent's local time is kept): "Z",
// "GMT+1" (Google Forms), "UTC", "+01:00", "CEST".
#define ASCOLTO_TIME                                                                   \
  R"((?:[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?)" \
  R"((?:\s*(?:Z|UTC|GMT|CET|CEST|BST|EST|EDT|PST|PDT)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?)"

struct Time {
  std::string h, m, s, ampm;
};

// Validates and writes the date with its optional time.
std::optional<std::string> finish(int y, int mo, int d, const Time& t) {
  if (!valid_ymd(y, mo, d)) return std::nullopt;
  if (t.h.empty()) return format(y, mo, d, 0, 0, 0, false);
  int h = std::stoi(t.h);
  const int mi = std::stoi(t.m);
  const int sec = t.s.empty() ? 0 : std::stoi(t.s);
  if (!t.ampm.empty()) {
    if (h < 1 || h > 12) return std::nullopt;
    const bool pm = t.ampm[0] == 'p' || t.ampm[0] == 'P';
    h = h % 12 + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  return format(y, mo, d, h, mi, sec, true);
}

}  // namespace

const char* date_order_name(DateOrder order) {
  return order == DateOrder::DayFirst ? "dd/mm" : "mm/dd";
}

std::optional<std::string> excel_serial_date(double serial, bool base_1904) {
  if (!std::isfinite(serial) || serial < 1 || serial > 120000) return std::nullopt;
  // The 1900 system counts a 1900-02-29 that never was: serial 60. Days from 61 on are offset
  // from 1899-12-30; before it, from 1899-12-31 (the dates Ascolto takes start in 1900).
  if (!base_1904 && serial >= 60 && serial < 61) return std::nullopt;
  using namespace std::chrono;
  const double whole = std::floor(serial);
  const sys_days base = base_1904    ? sys_days{year{1904} / January / 1}
                        : whole < 60 ? sys_days{year{1899} / December / 31}
                                     : sys_days{year{1899} / December / 30};
  const sys_days day_point = base + days{static_cast<long long>(whole)};
  const year_month_day ymd{day_point};
  const int y = static_cast<int>(ymd.year());
  const int mo = static_cast<int>(unsigned(ymd.month()));
  const int d = static_cast<int>(unsigned(ymd.day()));
  if (!valid_ymd(y, mo, d)) return std::nullopt;
  const long long secs = std::llround((serial - whole) * 86400.0);
  if (secs == 0) return format(y, mo, d, 0, 0, 0, false);
  if (secs >= 86400) return format(y, mo, d, 23, 59, 59, true);
  return format(y, mo, d, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60), true);
}

std::optional<std::string> parse_date(std::string_view text, DateOrder order) {
  static const RE2 iso(
      R"((\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)");
  static const RE2 year_first(R"((\d{4})[/.](\d{1,2})[/.](\d{1,2}))" ASCOLTO_TIME);
  static const RE2 numeric(R"((\d{1,2})([/.\-])(\d{1,2})[/.\-](\d{4}))" ASCOLTO_TIME);
  static const RE2 day_name(
      R"((\d{1,2})(?:st|nd|rd|th)?[ \-.]+(\pL+)\.?[ \-.,]+(\d{4}))" ASCOLTO_TIME);
  static const RE2 name_day(R"((\pL+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4}))" ASCOLTO_TIME);
  static const RE2 epoch(R"((\d{9,10}))");
  static const RE2 serial(R"((\d{5})(\.\d+)?)");
  const std::string_view s = trim(text);
  // The common shape, 2026-03-14, without the regexes (they were most of the reader's time).
  const auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -100; };
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    const int yy = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    const int mm = digit(5) * 10 + digit(6), dd = digit(8) * 10 + digit(9);
    if (yy >= 0 && mm >= 0 && dd >= 0) {
      if (!valid_ymd(yy, mm, dd)) return std::nullopt;
      return std::string(s);  // already as format() would write it
    }
  }
  int y = 0, mo = 0, d = 0;
  Time t;
  std::string month_name, separator;
  if (RE2::FullMatch(s, iso, &y, &mo, &d, &t.h, &t.m, &t.s)) {
    return finish(y, mo, d, t);
  }
  if (RE2::FullMatch(s, year_first, &y, &mo, &d, &t.h, &t.m, &t.s, &t.ampm)) {
    return finish(y, mo, d, t);
  }
  if (int a = 0, b = 0;
      RE2::FullMatch(s, numeric, &a, &separator, &b, &y, &t.h, &t.m, &t.s, &t.ampm)) {
    d = order == DateOrder::DayFirst ? a : b;
    mo = order == DateOrder::DayFirst ? b : a;
    return finish(y, mo, d, t);
  }
  if (RE2::FullMatch(s, day_name, &d, &month_name, &y, &t.h, &t.m, &t.s, &t.ampm) ||
      RE2::FullMatch(s, name_day, &month_name, &d, &y, &t.h, &t.m, &t.s, &t.ampm)) {
    mo = month_number(month_name);
    if (mo == 0) return std::nullopt;
    return finish(y, mo, d, t);
  }
  if (long long secs = 0; RE2::FullMatch(s, epoch, &secs)) {
    using namespace std::chrono;
    const sys_seconds tp{seconds{secs}};
    const auto day_point = floor<days>(tp);
    const year_month_day ymd{day_point};
    const hh_mm_ss hms{tp - day_point};
    return format(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                  static_cast<int>(unsigned(ymd.day())), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                  true);
  }
  // Excel serials where a spreadsheet saved a date cell as its number: 20000 is 1954-10-03,
  // 99999 is 2173; shorter numbers are too likely to be something else.
  if (RE2::FullMatch(s, serial)) {
    return excel_serial_date(std::stod(std::string(s)), false);
  }
  return std::nullopt;
}

DateOrderEvidence infer_date_order(const std::vector<std::string>& values) {
  static const RE2 numeric(R"(\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{4}\b.*)");
  DateOrderEvidence e;
  for (const auto& v : values) {
    int a = 0, b = 0;
    if (!RE2::FullMatch(v, numeric, &a, &b)) continue;
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) continue;
    if (a > 12) {
      ++e.day_first;
    } else if (b > 12) {
      ++e.month_first;
    } else {
      ++e.ambiguous;
    }
  }
  return e;
}

}  // namespace ascolto

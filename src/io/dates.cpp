#include "io/dates.h"

#include <re2/re2.h>

#include <chrono>
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

}  // namespace

std::optional<std::string> parse_date(std::string_view text, DateOrder order) {
  static const RE2 iso(
      R"((\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)");
  static const RE2 numeric(
      R"((\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)?)");
  static const RE2 epoch(R"((\d{9,10}))");
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
  int y = 0, mo = 0, d = 0, h = -1, mi = 0, sec = 0;
  std::string hs, ms, ss;
  if (RE2::FullMatch(s, iso, &y, &mo, &d, &hs, &ms, &ss)) {
    // fields already in place
  } else if (int a = 0, b = 0; RE2::FullMatch(s, numeric, &a, &b, &y, &hs, &ms, &ss)) {
    d = order == DateOrder::DayFirst ? a : b;
    mo = order == DateOrder::DayFirst ? b : a;
  } else if (long long t = 0; RE2::FullMatch(s, epoch, &t)) {
    using namespace std::chrono;
    const sys_seconds tp{seconds{t}};
    const auto day_point = floor<days>(tp);
    const year_month_day ymd{day_point};
    const hh_mm_ss hms{tp - day_point};
    return format(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                  static_cast<int>(unsigned(ymd.day())), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                  true);
  } else {
    return std::nullopt;
  }
  if (!valid_ymd(y, mo, d)) return std::nullopt;
  const bool has_time = !hs.empty();
  if (has_time) {
    h = std::stoi(hs);
    mi = std::stoi(ms);
    sec = ss.empty() ? 0 : std::stoi(ss);
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  }
  return format(y, mo, d, h, mi, sec, has_time);
}

}  // namespace ascolto

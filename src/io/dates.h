// Survey dates to ISO 8601, as exports write them: "2026-03-14", "2026-03-14T10:22:05Z",
// "2026/04/11", "14/03/2026 10:22", "03/14/2026" (with DateOrder::MonthFirst), "14.03.2026",
// "14-03-2026", "10/02/2025 05:20:13 AM" (SurveyMonkey), "1/10/2025 19.30.49" (Italian Google
// Sheets), "2026/01/15 10:23:45 AM GMT+1" (Google Forms; a time zone is read past, the local time
// kept), "11-Apr-2026", "11 aprile 2026", "April 11, 2026", Unix seconds and Excel serial
// numbers ("45758", "45758.5"). Impossible dates (31/02/2026) are rejected, never shifted.
//
//   auto d = parse_date("14/03/2026", DateOrder::DayFirst);  // "2026-03-14"
//   auto order = infer_date_order({"03/14/2026", "04/02/2026"});  // MonthFirst, settled
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ascolto {

enum class DateOrder { DayFirst, MonthFirst };

// "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"; nullopt when unparsable or impossible.
std::optional<std::string> parse_date(std::string_view text, DateOrder order);

// An Excel serial day number (days since 1899-12-30, or since 1904-01-01 in workbooks with the
// 1904 base) as parse_date writes dates; the fraction is the time of day. nullopt outside
// 1900-2200. Excel's phantom 1900-02-29 (serial 60) is refused.
std::optional<std::string> excel_serial_date(double serial, bool base_1904);

// What the numeric dates of one column say about day/month order: a first field above 12 is a
// day (DayFirst), a second field above 12 a day (MonthFirst). Values with both fields <= 12 say
// nothing; values of other shapes are ignored.
struct DateOrderEvidence {
  std::size_t day_first = 0;    // values only valid as day/month
  std::size_t month_first = 0;  // values only valid as month/day
  std::size_t ambiguous = 0;    // numeric d/m values valid both ways
  // The order the values settle, when they settle one and do not contradict each other.
  std::optional<DateOrder> settled() const {
    if (day_first > 0 && month_first == 0) return DateOrder::DayFirst;
    if (month_first > 0 && day_first == 0) return DateOrder::MonthFirst;
    return std::nullopt;
  }
  bool contradictory() const { return day_first > 0 && month_first > 0; }
};
DateOrderEvidence infer_date_order(const std::vector<std::string>& values);

// "dd/mm" or "mm/dd", for messages.
const char* date_order_name(DateOrder order);

}  // namespace ascolto

// Survey dates to ISO 8601: "2026-03-14", "2026-03-14T10:22:05Z", "14/03/2026 10:22",
// "03/14/2026" (with DateOrder::MonthFirst), "14.03.2026", "14-03-2026", Unix seconds.
// Impossible dates (31/02/2026) are rejected, never shifted.
//
//   auto d = parse_date("14/03/2026", DateOrder::DayFirst);  // "2026-03-14"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ascolto {

enum class DateOrder { DayFirst, MonthFirst };

// "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"; nullopt when unparsable or impossible.
std::optional<std::string> parse_date(std::string_view text, DateOrder order);

}  // namespace ascolto

#include <doctest/doctest.h>

#include "io/dates.h"

using namespace ascolto;

TEST_CASE("dates: ISO, Italian, US, dotted, timestamps") {
  CHECK(parse_date("2026-03-14", DateOrder::DayFirst) == "2026-03-14");
  CHECK(parse_date("2026-03-14T10:22:05Z", DateOrder::DayFirst) == "2026-03-14 10:22:05");
  CHECK(parse_date("2026-03-14 10:22", DateOrder::DayFirst) == "2026-03-14 10:22:00");
  CHECK(parse_date("14/03/2026", DateOrder::DayFirst) == "2026-03-14");
  CHECK(parse_date("03/14/2026", DateOrder::MonthFirst) == "2026-03-14");
  CHECK(parse_date("14.03.2026 09:05", DateOrder::DayFirst) == "2026-03-14 09:05:00");
  CHECK(parse_date(" 1-2-2026 ", DateOrder::DayFirst) == "2026-02-01");
  CHECK(parse_date("1773483725", DateOrder::DayFirst) == "2026-03-14 10:22:05");
}

TEST_CASE("dates: impossible or ambiguous-looking garbage is refused, never shifted") {
  CHECK_FALSE(parse_date("31/02/2026", DateOrder::DayFirst));
  CHECK_FALSE(parse_date("2026-13-01", DateOrder::DayFirst));
  CHECK_FALSE(parse_date("03/14/2026", DateOrder::DayFirst));
  CHECK_FALSE(parse_date("2025-02-29", DateOrder::DayFirst));
  CHECK(parse_date("2024-02-29", DateOrder::DayFirst) == "2024-02-29");
  CHECK_FALSE(parse_date("ieri", DateOrder::DayFirst));
  CHECK_FALSE(parse_date("2026-03-14 25:00", DateOrder::DayFirst));
}

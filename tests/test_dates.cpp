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

TEST_CASE("dates: the shapes exports write") {
  // SurveyMonkey (US, AM/PM), Italian Google Sheets (dotted time), year first with slashes.
  CHECK(parse_date("10/02/2025 05:20:13 AM", DateOrder::MonthFirst) == "2025-10-02 05:20:13");
  CHECK(parse_date("10/02/2025 12:03:10 PM", DateOrder::MonthFirst) == "2025-10-02 12:03:10");
  CHECK(parse_date("10/02/2025 12:03 AM", DateOrder::MonthFirst) == "2025-10-02 00:03:00");
  CHECK_FALSE(parse_date("10/02/2025 13:03 PM", DateOrder::MonthFirst));
  CHECK(parse_date("1/10/2025 19.30.49", DateOrder::DayFirst) == "2025-10-01 19:30:49");
  CHECK(parse_date("2026/04/11", DateOrder::DayFirst) == "2026-04-11");
  CHECK(parse_date("2026/04/11 08:15", DateOrder::MonthFirst) == "2026-04-11 08:15:00");
  // Google Forms' timestamps carry a zone: read past, the local time kept.
  CHECK(parse_date("2026/01/15 10:23:45 AM GMT+1", DateOrder::DayFirst) == "2026-01-15 10:23:45");
  CHECK(parse_date("2026/02/03 6:02:11 PM GMT+1", DateOrder::DayFirst) == "2026-02-03 18:02:11");
  CHECK(parse_date("15/01/2026 10:23:45 GMT-05:00", DateOrder::DayFirst) ==
        "2026-01-15 10:23:45");
  CHECK(parse_date("15/01/2026 10:23 UTC", DateOrder::DayFirst) == "2026-01-15 10:23:00");
  CHECK(parse_date("15/01/2026 10:23 CEST", DateOrder::DayFirst) == "2026-01-15 10:23:00");
  CHECK_FALSE(parse_date("15/01/2026 10:23 XYZ", DateOrder::DayFirst));
  CHECK_FALSE(parse_date("2026/01/15 GMT+1", DateOrder::DayFirst));  // a zone needs a time
  // Month names in English and Italian, abbreviated or not, either order.
  CHECK(parse_date("11-Apr-2026", DateOrder::MonthFirst) == "2026-04-11");
  CHECK(parse_date("11 aprile 2026", DateOrder::DayFirst) == "2026-04-11");
  CHECK(parse_date("3 Dic 2025", DateOrder::DayFirst) == "2025-12-03");
  CHECK(parse_date("1st September 2025 10:00", DateOrder::DayFirst) == "2025-09-01 10:00:00");
  CHECK(parse_date("April 11, 2026", DateOrder::DayFirst) == "2026-04-11");
  CHECK(parse_date("Sept. 2, 2025", DateOrder::DayFirst) == "2025-09-02");
  CHECK_FALSE(parse_date("11 brumaio 2026", DateOrder::DayFirst));
  CHECK_FALSE(parse_date("31 aprile 2026", DateOrder::DayFirst));
  // Excel serials saved as numbers.
  CHECK(parse_date("45758", DateOrder::DayFirst) == "2025-04-11");
  CHECK(parse_date("45758.5", DateOrder::DayFirst) == "2025-04-11 12:00:00");
  CHECK_FALSE(parse_date("4575", DateOrder::DayFirst));
}

TEST_CASE("dates: Excel serials in the 1900 and 1904 bases") {
  CHECK(excel_serial_date(1, false) == "1900-01-01");
  CHECK(excel_serial_date(59, false) == "1900-02-28");
  CHECK_FALSE(excel_serial_date(60, false));  // Excel's 1900-02-29, a day that never was
  CHECK(excel_serial_date(61, false) == "1900-03-01");
  CHECK(excel_serial_date(45758, false) == "2025-04-11");
  CHECK(excel_serial_date(44296, true) == "2025-04-11");
  CHECK(excel_serial_date(45759.75, false) == "2025-04-12 18:00:00");
  CHECK_FALSE(excel_serial_date(-3, false));
  CHECK_FALSE(excel_serial_date(1e12, false));
}

TEST_CASE("dates: the day/month order of a column, from its values") {
  const auto dmy = infer_date_order({"01/02/2026", "21/02/2026 10:00", "2026-01-01"});
  CHECK(dmy.day_first == 1);
  CHECK(dmy.ambiguous == 1);
  CHECK(dmy.settled() == DateOrder::DayFirst);
  CHECK(infer_date_order({"02/21/2026", "1/2/2026"}).settled() == DateOrder::MonthFirst);
  CHECK_FALSE(infer_date_order({"01/02/2026", "03/04/2026"}).settled());
  const auto both = infer_date_order({"13/01/2026", "01/13/2026"});
  CHECK(both.contradictory());
  CHECK_FALSE(both.settled());
}

#include <doctest/doctest.h>

#include <memory>

#include "io/csv_cell.h"
#include "io/csv_reader.h"

using namespace ascolto;

TEST_CASE("csv_cell: plain text is written as is") {
  CHECK(csv_cell("Consegna veloce") == "Consegna veloce");
  CHECK(csv_cell("") == "");
  CHECK(csv_cell("3-4 giorni") == "3-4 giorni");  // a dash inside is not a formula
}

TEST_CASE("csv_cell: delimiters, quotes and line ends are quoted (RFC 4180)") {
  CHECK(csv_cell("ciao, mondo") == "\"ciao, mondo\"");
  CHECK(csv_cell("ciao; mondo", ';') == "\"ciao; mondo\"");
  CHECK(csv_cell("ciao; mondo") == "ciao; mondo");
  CHECK(csv_cell("lo chiamano \"premium\"") == "\"lo chiamano \"\"premium\"\"\"");
  CHECK(csv_cell("riga 1\nriga 2") == "\"riga 1\nriga 2\"");
}

TEST_CASE("csv_cell: formula-like values are neutralised, SQL-like text is left alone") {
  CHECK(csv_cell("=HYPERLINK(\"http://evil\",\"clic\")") ==
        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"clic\"\")\"");
  CHECK(csv_cell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
  CHECK(csv_cell("-2+3") == "'-2+3");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_cell("\tTAB") == "'\tTAB");
  CHECK(csv_cell("'); DROP TABLE responses;--") == "'); DROP TABLE responses;--");
}

TEST_CASE("csv_cell: what it writes reads back through the CSV reader") {
  const std::string value = "a, \"b\"\nc";
  auto source = Utf8Source::from_bytes("text\n" + csv_cell(value) + "\n", "t.csv", "");
  CsvReader reader(std::move(source), {});
  RawRecord rec;
  REQUIRE(reader.next(rec));
  REQUIRE(rec.fields.size() == 1);
  CHECK(rec.fields[0] == value);
}

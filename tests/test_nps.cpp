#include <doctest/doctest.h>

#include "nps/nps.h"

using namespace ascolto;

TEST_CASE("NPS bands: 9-10 promoter, 7-8 passive, 0-6 detractor") {
  CHECK(band_of(10) == Band::Promoter);
  CHECK(band_of(9) == Band::Promoter);
  CHECK(band_of(8) == Band::Passive);
  CHECK(band_of(7) == Band::Passive);
  CHECK(band_of(6) == Band::Detractor);
  CHECK(band_of(0) == Band::Detractor);
  CHECK(std::string(band_name(Band::Passive)) == "passive");
}

TEST_CASE("scores: integers 0-10 only, never guessed") {
  CHECK(parse_score("9").value == 9);
  CHECK(parse_score(" 10 ").value == 10);
  CHECK(parse_score("0").value == 0);
  CHECK(parse_score("7.0").value == 7);
  CHECK(parse_score("7,0").value == 7);
  const auto empty = parse_score("");
  CHECK_FALSE(empty.value);
  CHECK(empty.error.empty());
  for (const char* bad : {"11", "-1", "dieci", "9,5", "10/10", "N/A", "9.", "1e1"}) {
    CAPTURE(bad);
    const auto s = parse_score(bad);
    CHECK_FALSE(s.value);
    CHECK_FALSE(s.error.empty());
  }
  CHECK(parse_score("11").error == "score 11 is outside 0-10");
}

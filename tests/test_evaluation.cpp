#include <doctest/doctest.h>

#include <sstream>

#include "report/evaluation.h"

using namespace ascolto;

TEST_CASE("evaluation: accuracy, per-class F1, macro F1, Pearson r and confusion by hand") {
  const std::vector<LabelledPrediction> rows = {
      {"positive", 0.8, "positive", 0.7},
      {"positive", 0.5, "neutral", 0.0},
      {"negative", -0.6, "negative", -0.5},
      {"negative", -0.4, "mixed", -0.3},  // mixed counts by sign
      {"neutral", 0.0, "positive", 0.2},
      {"mixed", 0.0, "mixed", 0.0},  // skipped
  };
  const Evaluation e = evaluate(rows);
  CHECK(e.n == 5);
  CHECK(e.skipped == 1);
  CHECK(e.accuracy == doctest::Approx(3.0 / 5));
  // positive: tp 1, fp 1, fn 1 -> P 0.5 R 0.5; negative: tp 2 -> 1/1; neutral: tp 0 -> 0.
  CHECK(e.f1[0] == doctest::Approx(0.5));
  CHECK(e.f1[1] == doctest::Approx(1.0));
  CHECK(e.f1[2] == doctest::Approx(0.0));
  CHECK(e.macro_f1 == doctest::Approx(0.5));
  CHECK(e.confusion[0][2] == 1);
  CHECK(e.confusion[2][0] == 1);
  REQUIRE(e.pearson_r);
  // x = .7 0 -.5 -.3 .2, y = .8 .5 -.6 -.4 0 -> r computed independently (Python): 0.8861
  CHECK(*e.pearson_r == doctest::Approx(0.8861).epsilon(0.001));
  std::ostringstream out;
  print_evaluation(e, out);
  CHECK(out.str().find("macro_f1=0.500") != std::string::npos);
}

TEST_CASE("evaluation: no gold scores, no r; empty input, no division by zero") {
  Evaluation e = evaluate({{"positive", std::nullopt, "positive", 0.5}});
  CHECK_FALSE(e.pearson_r);
  CHECK(e.accuracy == doctest::Approx(1.0));
  e = evaluate({});
  CHECK(e.n == 0);
  CHECK(e.macro_f1 == 0);
}

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
      {"mixed", 0.0, "mixed", 0.0},        // counted apart
      {"sarcastic", 0.0, "neutral", 0.0},  // skipped
  };
  const Evaluation e = evaluate(rows);
  CHECK(e.n == 5);
  CHECK(e.mixed == 1);
  CHECK(e.mixed_as[3] == 1);
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

TEST_CASE("theme evaluation: per-theme precision and recall at the level the labels use") {
  const std::vector<ThemeLabelled> rows = {
      // A subtheme counts for its labelled parent.
      {{"delivery"}, {"delivery.delay", "price.value"}},
      {{"delivery", "price"}, {"delivery"}},
      {{}, {"store.staff"}},
      // A labelled subtheme is matched by itself only, not by its parent.
      {{"customer_service.phone"}, {"customer_service"}},
      {{"customer_service.phone"}, {"customer_service.phone"}},
  };
  const ThemeEvaluation e = evaluate_themes(rows);
  CHECK(e.n == 5);
  const auto score = [&](const std::string& theme) {
    for (const ThemeScore& s : e.themes) {
      if (s.theme == theme) return s;
    }
    FAIL("no row for " << theme);
    return ThemeScore{};
  };
  const ThemeScore delivery = score("delivery");
  CHECK(delivery.tp == 2);
  CHECK(delivery.fp == 0);
  CHECK(delivery.fn == 0);
  CHECK(delivery.f1 == doctest::Approx(1.0));
  const ThemeScore price = score("price");
  CHECK(price.tp == 0);
  CHECK(price.fp == 1);
  CHECK(price.fn == 1);
  CHECK(price.precision == 0);
  CHECK(score("store.staff").fp == 1);
  const ThemeScore phone = score("customer_service.phone");
  CHECK(phone.tp == 1);
  CHECK(phone.fn == 1);
  CHECK(phone.recall == doctest::Approx(0.5));
  CHECK(score("customer_service").fp == 1);
  // micro: tp 2+1 = 3, fp 1 (price) + 1 (store.staff) + 1 (customer_service) = 3, fn 1 + 1 = 2
  CHECK(e.micro.tp == 3);
  CHECK(e.micro.fp == 3);
  CHECK(e.micro.fn == 2);
  CHECK(e.micro.precision == doctest::Approx(0.5));
  CHECK(e.micro.recall == doctest::Approx(0.6));
  // The most gold comments first, ties by id; themes with no gold comment last.
  CHECK(e.themes.front().theme == "customer_service.phone");
  CHECK(e.themes[1].theme == "delivery");
  CHECK(e.themes.back().tp + e.themes.back().fn == 0);
  std::ostringstream out;
  print_theme_evaluation(e, out);
  CHECK(out.str().find(
            "delivery                             2     2     0      1.000   1.000  1.000") !=
        std::string::npos);
  CHECK(out.str().find("all ") != std::string::npos);
}

TEST_CASE("theme evaluation: theme cells, separators, none and duplicates; empty input") {
  CHECK(parse_theme_list("delivery; price.value") ==
        std::vector<std::string>{"delivery", "price.value"});
  CHECK(parse_theme_list("a|b,c;a") == std::vector<std::string>{"a", "b", "c"});
  CHECK(parse_theme_list("none").empty());
  CHECK(parse_theme_list("").empty());
  CHECK(parse_theme_list(" ; ").empty());
  const ThemeEvaluation e = evaluate_themes({});
  CHECK(e.n == 0);
  CHECK(e.micro.f1 == 0);
}

TEST_CASE("evaluation: gold 'mixed' rows are counted with their labels, misjudged rows listed") {
  const std::vector<LabelledPrediction> rows = {
      {"mixed", std::nullopt, "negative", -0.4, "m1", "good food, rude staff"},
      {"mixed", std::nullopt, "positive", 0.3, "m2", "ok but slow"},
      {"mixed", std::nullopt, "mixed", 0.0, "m3", "great, awful"},
      {"positive", std::nullopt, "positive", 0.6, "p1", "lovely"},
      {"negative", -0.8, "positive", 0.2, "n1", "=cmd call me on 333 123 4567"},
      {"neutral", std::nullopt, "mixed", -0.2, "u1", "it arrived, \"as said\""},
  };
  const Evaluation e = evaluate(rows);
  CHECK(e.n == 3);
  CHECK(e.mixed == 3);
  CHECK(e.mixed_as == std::array<std::size_t, 4>{1, 1, 0, 1});
  CHECK(e.misjudged == std::vector<std::size_t>{4, 5});
  std::ostringstream summary;
  print_evaluation(e, summary);
  CHECK(summary.str().find("n=3, misjudged 2; 3 gold 'mixed' left out (labelled positive 1, "
                           "negative 1, neutral 0, mixed 1)") != std::string::npos);
  std::ostringstream csv;
  write_misjudged(rows, e, csv);
  // Safe cells (no formula), personal data redacted, quotes doubled.
  CHECK(csv.str() ==
        "id,gold_label,predicted_label,score,gold_score,text\r\n"
        "n1,negative,positive,0.2000,-0.8000,'=cmd call me on [PHONE]\r\n"
        "u1,neutral,mixed,-0.2000,,\"it arrived, \"\"as said\"\"\"\r\n");
}

TEST_CASE("theme evaluation: comments with a missed or an extra theme are listed") {
  const std::vector<ThemeLabelled> rows = {
      {{"delivery"}, {"delivery.delay"}, "1", "late again"},
      {{"delivery", "price"}, {"delivery", "store.staff"}, "2", "late, dear, rude"},
      {{}, {}, "3", "ok"},
  };
  const ThemeEvaluation e = evaluate_themes(rows);
  REQUIRE(e.misses.size() == 1);
  CHECK(e.misses[0].row == 1);
  CHECK(e.misses[0].missed == std::vector<std::string>{"price"});
  CHECK(e.misses[0].extra == std::vector<std::string>{"store.staff"});
  std::ostringstream csv;
  write_misjudged_themes(rows, e, csv);
  CHECK(csv.str() ==
        "id,gold,predicted,missed,extra,text\r\n"
        "2,delivery;price,delivery;store.staff,price,store.staff,\"late, dear, rude\"\r\n");
}

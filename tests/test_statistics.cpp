// Net scores, intervals, significance and impact against values computed by hand
// (docs/statistics.md has the formulas).
#include <doctest/doctest.h>

#include "nps/statistics.h"

using namespace ascolto;
using doctest::Approx;

TEST_CASE("NPS of a large group: plain Wald interval") {
  // 100 promoters, 60 passives, 40 detractors: NPS 30, Var = (0.5 + 0.2 - 0.3^2) / 200.
  const auto e = estimate_net({100, 60, 40});
  REQUIRE(e);
  CHECK(e->n == 200);
  CHECK(e->value == Approx(30.0));
  CHECK(e->variance == Approx(0.61 / 200));
  CHECK(e->margin == Approx(10.8242549));
  CHECK(e->low == Approx(30.0 - 10.8242549));
  CHECK(e->high == Approx(30.0 + 10.8242549));
  CHECK(e->method == IntervalMethod::Wald);
  CHECK_FALSE(e->small);
}

TEST_CASE("NPS edge cases: empty group, n = 1, all promoters") {
  CHECK_FALSE(estimate_net({0, 0, 0}));

  // One promoter: NPS 100, but the adjusted-Wald interval (n + 3, 3/4 pseudo-respondent at
  // each end) centres on 25 with Var = (0.4375 + 0.1875 - 0.25^2) / 4 = 0.140625.
  const auto one = estimate_net({1, 0, 0});
  REQUIRE(one);
  CHECK(one->value == Approx(100.0));
  CHECK(one->method == IntervalMethod::AdjustedWald);
  CHECK(one->variance == Approx(0.140625));
  CHECK(one->margin == Approx(73.4986494));
  CHECK(one->low == Approx(-48.4986494));
  CHECK(one->high == Approx(100.0));  // +98.5 widened to hold the point

  CHECK(one->small);

  // 200 promoters: no spread at all, and the interval may not leave -100..100.
  const auto all = estimate_net({200, 0, 0});
  REQUIRE(all);
  CHECK(all->value == Approx(100.0));
  CHECK(all->margin == Approx(0.0));
  CHECK(all->high == Approx(100.0));

  // Small all-promoter groups are clamped too.
  const auto few = estimate_net({50, 0, 0});
  REQUIRE(few);
  CHECK(few->high == Approx(100.0));
  CHECK(few->low < 100.0);
}

TEST_CASE("the minimum n flags a group, it does not hide it") {
  CHECK(estimate_net({10, 5, 14})->small);
  CHECK_FALSE(estimate_net({10, 5, 15})->small);
  CHECK_FALSE(estimate_net({1, 0, 0}, 1)->small);
}

TEST_CASE("difference of two NPS: two-sample z test") {
  const auto a = estimate_net({100, 60, 40});  // NPS 30
  const auto b = estimate_net({80, 60, 60});   // NPS 10, Var = (0.7 - 0.01) / 200
  REQUIRE(a);
  REQUIRE(b);
  const Difference d = compare(*a, *b);
  CHECK(d.delta == Approx(20.0));
  CHECK(d.z == Approx(2.4806947));
  CHECK(d.p_value == Approx(0.0131127));
  CHECK(d.significant);

  const Difference same = compare(*a, *a);
  CHECK(same.delta == Approx(0.0));
  CHECK_FALSE(same.significant);

  // No variance on either side: nothing can be concluded.
  const Difference none = compare(100.0, 0.0, 100.0, 0.0);
  CHECK(none.p_value == Approx(1.0));
  CHECK_FALSE(none.significant);
}

TEST_CASE("shares and their difference") {
  CHECK_FALSE(share_of(3, 0));
  const auto a = share_of(60, 200);
  const auto b = share_of(40, 200);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->pct == Approx(30.0));
  CHECK(a->variance == Approx(0.3 * 0.7 / 200));
  // Pooled: p = 100 / 400, Var = 0.25 * 0.75 * (1/200 + 1/200).
  const Difference d = compare(*a, *b);
  CHECK(d.z == Approx(2.3094011));
  CHECK(d.p_value == Approx(0.0209213));
  CHECK(d.significant);

  // From 0% the pooled variance is not zero: 4 of 200 against none is just significant
  // (z = 0.02 / sqrt(0.01 * 0.99 * 0.01)), 2 of 200 is not (z = 1.42).
  const Difference from_zero = compare(*share_of(4, 200), *share_of(0, 200));
  CHECK(from_zero.z == Approx(2.0100756));
  CHECK(from_zero.significant);
  const Difference tiny = compare(*share_of(2, 200), *share_of(0, 200));
  CHECK_FALSE(tiny.significant);
  CHECK(compare(*share_of(0, 10), *share_of(0, 10)).p_value == Approx(1.0));
}

TEST_CASE("impact: NPS(all) - NPS(others) with its delta-method interval") {
  // Mentioners: 20 P, 30 passive, 50 D (NPS -30); others: 150 P, 90 passive, 60 D (NPS 30).
  // All: (170 - 110) / 400 = 15, so impact = 15 - 30 = -15 = 0.25 * (-30 - 30).
  // Var = 0.25^2 (0.61/100 + 0.61/300) + 0.6^2 * 0.25 * 0.75 / 400.
  const auto i = theme_impact({20, 30, 50}, {150, 90, 60});
  REQUIRE(i);
  CHECK(i->value == Approx(-15.0));
  CHECK(i->variance == Approx(0.000677083333));
  CHECK(i->margin == Approx(5.0999880));
  CHECK(i->low == Approx(-20.0999880));
  CHECK(i->high == Approx(-9.9000120));

  // Nobody else, or nobody mentioning: no comparison group, no impact.
  CHECK_FALSE(theme_impact({5, 0, 0}, {0, 0, 0}));
  CHECK_FALSE(theme_impact({0, 0, 0}, {5, 0, 0}));

  // A theme whose mentioners score like everyone else has no impact.
  const auto neutral = theme_impact({10, 10, 10}, {30, 30, 30});
  REQUIRE(neutral);
  CHECK(neutral->value == Approx(0.0));
  CHECK(neutral->low < 0.0);
  CHECK(neutral->high > 0.0);
}

TEST_CASE("impact change between periods") {
  const auto before = theme_impact({20, 30, 50}, {150, 90, 60});
  const auto after = theme_impact({40, 30, 30}, {150, 90, 60});
  REQUIRE(before);
  REQUIRE(after);
  const Difference d = compare(*after, *before);
  CHECK(d.delta == Approx(after->value - before->value));
  CHECK(d.significant);
}

TEST_CASE("every interval holds its point, whatever the group") {
  for (std::int64_t p = 0; p <= 12; ++p) {
    for (std::int64_t d = 0; d <= 12; ++d) {
      for (std::int64_t n = 0; n <= 3; ++n) {
        const auto e = estimate_net({p, n, d});
        if (!e) continue;
        CAPTURE(p);
        CAPTURE(d);
        CHECK(e->low <= e->value);
        CHECK(e->value <= e->high);
        CHECK(e->low >= -100.0);
        CHECK(e->high <= 100.0);
      }
    }
  }
  // Two promoters, no one else: +100, adjusted interval centred on +33.3.
  const auto two = estimate_net({2, 0, 0});
  CHECK(two->high == Approx(100.0));
}

TEST_CASE("a group under the minimum n is never significantly different") {
  const auto one = estimate_net({1, 0, 0});       // +100, n 1 < 30
  const auto rest = estimate_net({10, 20, 170});  // -80, n 200
  const Difference d = compare(*one, *rest);
  CHECK(d.p_value < 0.05);  // the test alone would call it
  CHECK_FALSE(d.significant);
  CHECK(d.small_sample);
  // With a minimum n of 1 the same groups are tested as they are.
  const Difference tested = compare(*estimate_net({1, 0, 0}, 1), *estimate_net({10, 20, 170}, 1));
  CHECK(tested.significant);
  CHECK_FALSE(tested.small_sample);
}

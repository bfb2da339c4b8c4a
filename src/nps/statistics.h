// Survey statistics for net scores: NPS (promoters minus detractors) and net sentiment (positive
// minus negative mentions) with 95% intervals, the significance of a difference, and a theme's
// impact on NPS with its interval. Pure functions of counts; formulas in docs/statistics.md.
//
//   NetEstimate e = estimate_net({.positive = 40, .neutral = 25, .negative = 35});
//   // e.value == 5.0 (percentage points), e.low/e.high its 95% interval, e.n == 100
#pragma once

#include <cstdint>
#include <optional>

namespace ascolto {

constexpr double kZ95 = 1.959963984540054;  // two-sided 95% normal quantile
constexpr int kDefaultMinN = 30;            // smaller groups are flagged, never hidden
constexpr int kAdjustedWaldBelow = 100;     // groups this small get the adjusted-Wald interval

// Counts of a three-way split: promoters/passives/detractors, or positive/neutral/negative.
struct NetCounts {
  std::int64_t positive = 0, neutral = 0, negative = 0;
  std::int64_t n() const { return positive + neutral + negative; }
};

enum class IntervalMethod { Wald, AdjustedWald };

// A net score in percentage points (-100..100) with its 95% interval. `variance` is that of
// the proportion difference the interval is built from (adjusted for small groups), so two
// estimates can be compared with `compare`.
struct NetEstimate {
  std::int64_t n = 0;
  double value = 0;          // 100 * (positive - negative) / n
  double margin = 0;         // half-width of the interval, percentage points
  double low = 0, high = 0;  // always holds `value` (a small group's interval is widened to it)
  double variance = 0;
  IntervalMethod method = IntervalMethod::Wald;
  bool small = false;  // n below the caller's minimum
};

// Empty when n == 0: an empty group has no score, not a score of zero.
std::optional<NetEstimate> estimate_net(const NetCounts& c, int min_n = kDefaultMinN);

// A two-sided z test of a difference between independent estimates.
struct Difference {
  double delta = 0;  // a - b, in the estimates' units
  double z = 0;
  double p_value = 1;
  bool significant = false;   // p < 0.05 and neither group under the minimum n
  bool small_sample = false;  // a group under the minimum n: never marked significant
};

// Difference of two estimates given their variances (in squared proportion units). With no
// variance at all the test cannot tell anything: p = 1. Two net estimates of which either is
// `small` (under the minimum n it was estimated with) are never significant, whatever p says:
// a handful of respondents swings by chance.
Difference compare(double a, double variance_a, double b, double variance_b);
Difference compare(const NetEstimate& a, const NetEstimate& b);

// A share (0..100) of a group with its binomial variance, for volumes ("% of respondents").
struct Share {
  std::int64_t count = 0, n = 0;
  double pct = 0;
  double variance = 0;
};
std::optional<Share> share_of(std::int64_t count, std::int64_t n);
// Pooled two-proportion z test.
Difference compare(const Share& a, const Share& b);

// Impact of a theme: NPS(all) - NPS(all without the theme's mentioners), in points, with its
// 95% interval by the delta method. Empty when nobody or everybody mentions the theme.
struct Impact {
  double value = 0;
  double margin = 0;
  double low = 0, high = 0;
  double variance = 0;
};
std::optional<Impact> theme_impact(const NetCounts& mentioners, const NetCounts& others);
Difference compare(const Impact& a, const Impact& b);

}  // namespace ascolto

#include "nps/statistics.h"

#include <algorithm>
#include <cmath>

namespace ascolto {
namespace {

double clamp_points(double v) {
  return std::clamp(v, -100.0, 100.0);
}

// Variance of p_pos - p_neg for one respondent drawn from the split, divided by n.
double net_variance(double p_pos, double p_neg, double n) {
  const double net = p_pos - p_neg;
  return (p_pos + p_neg - net * net) / n;
}

}  // namespace

std::optional<NetEstimate> estimate_net(const NetCounts& c, int min_n) {
  const std::int64_t n = c.n();
  if (n == 0) return std::nullopt;
  const double size = static_cast<double>(n);
  NetEstimate e;
  e.n = n;
  e.value = 100.0 * static_cast<double>(c.positive - c.negative) / size;
  e.small = n < min_n;
  double centre = e.value / 100.0;
  if (n < kAdjustedWaldBelow) {
    // Adjusted Wald (Rocks 2016): three pseudo-respondents, 3/4 at each end and 3/2 neutral,
    // keep small or one-sided groups from getting a zero-width interval.
    e.method = IntervalMethod::AdjustedWald;
    const double adjusted_n = size + 3.0;
    const double p_pos = (static_cast<double>(c.positive) + 0.75) / adjusted_n;
    const double p_neg = (static_cast<double>(c.negative) + 0.75) / adjusted_n;
    centre = p_pos - p_neg;
    e.variance = net_variance(p_pos, p_neg, adjusted_n);
  } else {
    e.variance = net_variance(static_cast<double>(c.positive) / size,
                              static_cast<double>(c.negative) / size, size);
  }
  e.margin = 100.0 * kZ95 * std::sqrt(e.variance);
  // The adjusted interval is centred on the adjusted score, so a one-sided small group (one
  // promoter: +100, centre +25) would lie outside it: the interval is widened to hold the point.
  e.low = std::min(clamp_points(100.0 * centre - e.margin), e.value);
  e.high = std::max(clamp_points(100.0 * centre + e.margin), e.value);
  return e;
}

Difference compare(double a, double variance_a, double b, double variance_b) {
  Difference d;
  d.delta = a - b;
  const double se = std::sqrt(variance_a + variance_b);
  if (se <= 0) return d;
  d.z = d.delta / (100.0 * se);
  d.p_value = std::erfc(std::fabs(d.z) / std::sqrt(2.0));
  d.significant = d.p_value < 0.05;
  return d;
}

Difference compare(const NetEstimate& a, const NetEstimate& b) {
  Difference d = compare(a.value, a.variance, b.value, b.variance);
  if (a.small || b.small) {
    d.small_sample = true;
    d.significant = false;
  }
  return d;
}

std::optional<Share> share_of(std::int64_t count, std::int64_t n) {
  if (n <= 0) return std::nullopt;
  const double p = static_cast<double>(count) / static_cast<double>(n);
  return Share{count, n, 100.0 * p, p * (1.0 - p) / static_cast<double>(n)};
}

Difference compare(const Share& a, const Share& b) {
  // Under "no change" both groups share one proportion: the pooled two-proportion test, which
  // stays honest when one side is 0% (its own variance would be zero).
  const double pooled = static_cast<double>(a.count + b.count) / static_cast<double>(a.n + b.n);
  const double variance = pooled * (1.0 - pooled);
  return compare(a.pct, variance / static_cast<double>(a.n), b.pct,
                 variance / static_cast<double>(b.n));
}

std::optional<Impact> theme_impact(const NetCounts& mentioners, const NetCounts& others) {
  const auto m = estimate_net(mentioners);
  const auto o = estimate_net(others);
  if (!m || !o) return std::nullopt;
  const double n = static_cast<double>(m->n + o->n);
  const double share = static_cast<double>(m->n) / n;
  const double gap = (m->value - o->value) / 100.0;
  Impact i;
  // NPS(all) - NPS(others) = share * (NPS(mentioners) - NPS(others)); the delta method over
  // the share and the two group scores, which are asymptotically independent.
  i.value = 100.0 * share * gap;
  i.variance = share * share * (m->variance + o->variance) + gap * gap * share * (1.0 - share) / n;
  i.margin = 100.0 * kZ95 * std::sqrt(i.variance);
  i.low = i.value - i.margin;
  i.high = i.value + i.margin;
  return i;
}

Difference compare(const Impact& a, const Impact& b) {
  return compare(a.value, a.variance, b.value, b.variance);
}

}  // namespace ascolto

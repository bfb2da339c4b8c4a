// Small multiples for the HTML report: one small inline SVG per theme holding a panel per
// measure (volume, net sentiment, impact) period by period. Every theme's panel of a measure gets
// the same scale (the caller passes it), so the charts compare at a glance; small-n points are
// drawn hollow and periods without data leave a gap.
//
//   std::string svg = small_multiple("Delivery", {"2026-01", "2026-02"}, panels);
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ascolto {

struct MultiplePoint {
  std::optional<double> value;  // empty: no data in that period
  bool flagged = false;         // under the minimum n: hollow
};

struct MultiplePanel {
  std::string title;
  double low = 0, high = 100;         // the shared scale
  std::vector<MultiplePoint> points;  // one per period
};

std::string small_multiple(const std::string& title, const std::vector<std::string>& periods,
                           const std::vector<MultiplePanel>& panels);

// The range of every panel's values, with zero, rounded outwards to multiples of `step`.
std::pair<double, double> shared_range(const std::vector<MultiplePoint>& points, double step);

}  // namespace ascolto

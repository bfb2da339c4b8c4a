// Inline SVG charts drawn by the project for the HTML report: a line with its interval band, a
// diverging bar chart with interval whiskers, a quadrant scatter and 100% stacked columns.
// Each returns one <svg> element with a viewBox (it scales to its container), a <title> for
// screen readers, and escaped labels. No script, no external resource.
//
//   std::string svg = trend_chart({{"2026-01", 26.4, 4.6, 45.4, false}}, "NPS trend");
#pragma once

#include <string>
#include <vector>

namespace ascolto {

// A value with its interval (NPS of a period, impact of a theme).
struct IntervalPoint {
  std::string label;
  double value = 0, low = 0, high = 0;
  bool flagged = false;  // small sample: drawn hollow
};

struct ScatterPoint {
  std::string label;
  double x = 0, y = 0;      // share of respondents (%), net sentiment (-100..100)
  double size = 0;          // respondents, for the radius
  double colour_value = 0;  // impact: red below zero, green above
};

struct StackedColumn {
  std::string label;
  double promoters = 0, passives = 0, detractors = 0;  // counts; drawn as shares
};

std::string trend_chart(const std::vector<IntervalPoint>& points, const std::string& title);
std::string diverging_bars(const std::vector<IntervalPoint>& bars, const std::string& title);
std::string quadrant_scatter(const std::vector<ScatterPoint>& points, const std::string& title,
                             const std::string& x_label, const std::string& y_label);
std::string stacked_columns(const std::vector<StackedColumn>& columns, const std::string& title,
                            const std::string (&band_labels)[3]);

// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(const std::string& text);

}  // namespace ascolto

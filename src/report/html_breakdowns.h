// The HTML report's sections on themes over time and by segment (issue 19, point 4): small
// multiples of each headline theme period by period, the segment x period NPS heatmap and the
// themes x segment heatmap. Heatmap colours say good or bad news against a reference (the overall
// NPS, the theme's net sentiment overall) on a colour-blind-safe diverging scale (red worse, blue
// better), every cell prints its value and n, and cells under --min-n get no colour.
//
//   out << theme_trends_html(r, load_breakdowns(db, r), ui_labels("en"));
#pragma once

#include <string>

#include "report/breakdowns.h"
#include "report/ui_labels.h"

namespace ascolto {

std::string theme_trends_html(const NpsReport& r, const Breakdowns& b, const UiLabels& l);
std::string segment_period_html(const NpsReport& r, const Breakdowns& b, const UiLabels& l);
std::string theme_segment_html(const NpsReport& r, const Breakdowns& b, const UiLabels& l);

// The heatmap class of a difference from the reference (good news positive): "h0" (within 5
// points) to "h+3" / "h-3" (30 points or more); empty for a small group (no colour).
std::string heat_class(double delta, bool small);

// The page's style for these sections.
extern const char* const kBreakdownStyle;

}  // namespace ascolto

// The NPS report as one self-contained HTML page: inline CSS and SVG charts drawn by
// svg_charts.h, no network. The NPS trend with its 95% band, themes ranked by impact (diverging
// bars with intervals), theme volume against net sentiment (quadrants), the band mix per period,
// and representative comments with the matched words highlighted. With `breakdowns`, themes over
// time (small multiples) and the segment heatmaps (html_breakdowns.h); with `verbatims`, every
// theme's comments, filtered by one inline script (html_verbatims.h), the page's only script.
//
//   std::ofstream html("report.html");
//   write_html_report(load_nps_report(db, options), ui_labels("en"), html);
#pragma once

#include <ostream>

#include "report/breakdowns.h"
#include "report/follow_up.h"
#include "report/nps_report.h"
#include "report/ui_labels.h"
#include "report/verbatims.h"

namespace ascolto {

// With `follow_up`, the page ends with the respondents to contact back (load_follow_up with
// kFollowUpShown: the newest; `report --follow-up` lists all).
void write_html_report(const NpsReport& r, const UiLabels& l, std::ostream& out,
                       const std::vector<FollowUp>* follow_up = nullptr,
                       const Breakdowns* breakdowns = nullptr,
                       const Verbatims* verbatims = nullptr);

// `text` with the code points [start, end) wrapped in <mark>, everything HTML-escaped.
std::string highlight(const std::string& text, std::int64_t start, std::int64_t end);

}  // namespace ascolto

// The NPS report as one self-contained HTML page: inline CSS and SVG charts drawn by
// svg_charts.h, no script and no network. The NPS trend with its 95% band, themes ranked by
// impact (diverging bars with intervals), theme volume against net sentiment (quadrants), the
// band mix per period, and representative comments with the matched words highlighted.
//
//   std::ofstream html("report.html");
//   write_html_report(load_nps_report(db, options), ui_labels("en"), html);
#pragma once

#include <ostream>

#include "report/follow_up.h"
#include "report/nps_report.h"
#include "report/ui_labels.h"

namespace ascolto {

// With `follow_up`, the page ends with the respondents to contact back (load_follow_up with
// kFollowUpShown: the newest; `report --follow-up` lists all).
void write_html_report(const NpsReport& r, const UiLabels& l, std::ostream& out,
                       const std::vector<FollowUp>* follow_up = nullptr);

// `text` with the code points [start, end) wrapped in <mark>, everything HTML-escaped.
std::string highlight(const std::string& text, std::int64_t start, std::int64_t end);

}  // namespace ascolto

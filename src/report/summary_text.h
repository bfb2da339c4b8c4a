// "Act on this first" (NpsReport::summary) in plain language, for the terminal and the HTML
// page, in the report's language: one line per priority theme (impact with its interval,
// share, net sentiment, trend) with one comment, what changed since the previous period, and
// the responses, dates, sources and filters it rests on.
//
//   print_summary(report, ui_labels("it"), std::cout);
#pragma once

#include <ostream>
#include <string>

#include "report/nps_report.h"
#include "report/ui_labels.h"

namespace ascolto {

void print_summary(const NpsReport& r, const UiLabels& l, std::ostream& out);
std::string summary_html(const NpsReport& r, const UiLabels& l);

}  // namespace ascolto

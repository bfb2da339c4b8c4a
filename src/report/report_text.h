// The NPS report for the terminal: NPS per period and segment with intervals, flags for small
// groups and significant changes, theme drivers ranked by impact, what each band talks about,
// what changed in the last period, and respondents per period. Labels in English or Italian.
//
//   print_nps_report(load_nps_report(db, options), ui_labels("it"), std::cout);
#pragma once

#include <ostream>

#include "report/nps_report.h"
#include "report/ui_labels.h"

namespace ascolto {

void print_nps_report(const NpsReport& r, const UiLabels& l, std::ostream& out);

}  // namespace ascolto

// The segment grids of breakdowns.h as terminal tables, after the report's segment table: NPS
// per period (rows) and segment value (columns), "+12.5* (18)" with n and the small-n flag; then
// per headline theme and segment value the net sentiment of the mentions with the share of that
// value's comments, "-20.0 (35.2%)". Nothing without --segment.
//
//   print_breakdowns(report, load_breakdowns(db, report), ui_labels("en"), std::cout);
#pragma once

#include <ostream>

#include "report/breakdowns.h"
#include "report/ui_labels.h"

namespace ascolto {

void print_breakdowns(const NpsReport& r, const Breakdowns& b, const UiLabels& l,
                      std::ostream& out);

}  // namespace ascolto

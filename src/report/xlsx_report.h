// The report as an Excel workbook (`report --xlsx FILE`), written with libxlsxwriter from the
// structures the CSV, JSON and terminal reports use (no query of its own). Sheets: overview
// (measure, value), trend (one row per period of --by), themes, segments (of --segment) and
// follow-up (the respondents to contact back). Each sheet has one bold header row; figures are
// number cells, rounded as the views round them; a missing figure is an empty cell.
//
//   write_report_xlsx(path, report, load_overview(db, report), load_follow_up(db, options));
#pragma once

#include <string>
#include <vector>

#include "report/follow_up.h"
#include "report/nps_report.h"
#include "report/overview.h"

namespace ascolto {

// Throws ReportWriteError "cannot write 'PATH': reason" when the workbook cannot be written.
void write_report_xlsx(const std::string& path, const NpsReport& r, const Overview& o,
                       const std::vector<FollowUp>& follow_up);

}  // namespace ascolto

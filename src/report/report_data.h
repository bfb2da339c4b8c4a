// The NPS report as data for other tools: `--format json` (one object, field names as the view
// columns, numbers rounded as the views round them) and `--format csv` (one tidy table:
// section, group, theme, measure, value).
//
//   write_report_json(load_nps_report(db, options), std::cout);
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "report/nps_report.h"

namespace ascolto {

nlohmann::json report_json(const NpsReport& r);
void write_report_json(const NpsReport& r, std::ostream& out);
void write_report_csv(const NpsReport& r, std::ostream& out);

}  // namespace ascolto

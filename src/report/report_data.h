// The NPS report as data for other tools: `--format json` (one object, field names as the view
// columns, numbers rounded as the views round them) and `--format csv`, in one of two layouts:
// long (one tidy table: section, group, theme, measure, value) or wide (pivot-ready: one row per
// overall figure, period, segment, theme, change, request; one column per measure, empty where a
// section has no such measure). Given the breakdowns, the CSV also carries their cells, as
// `--format json` does: sections theme_by_period (group: period), segment_nps_by_period (group:
// "value / period", with value and period also as measures, the columns a pivot table lays the
// grid out by) and theme_by_segment (group: segment value).
//
//   write_report_json(load_nps_report(db, options), std::cout);
//   write_report_csv(report, std::cout, CsvLayout::Wide, &breakdowns);
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "report/nps_report.h"

namespace ascolto {

struct Breakdowns;

nlohmann::json report_json(const NpsReport& r);
void write_report_json(const NpsReport& r, std::ostream& out);
enum class CsvLayout { Long, Wide };
// Throws UsageError unless `name` is "long" or "wide".
CsvLayout parse_csv_layout(const std::string& name);
void write_report_csv(const NpsReport& r, std::ostream& out, CsvLayout layout = CsvLayout::Long,
                      const Breakdowns* breakdowns = nullptr);

}  // namespace ascolto

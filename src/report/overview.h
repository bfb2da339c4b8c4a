// The opening block of the terminal report, over the same responses as the rest of it (date
// range and --where): responses and NPS bands, responses by language and by sentiment label,
// the share of comments no theme covers, and the top-level themes most talked about (each
// counting its subthemes' respondents once).
//
//   NpsReport r = load_nps_report(db, options);
//   print_overview(load_overview(db, r), ui_labels("it"), std::cout);
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "report/nps_report.h"
#include "report/ui_labels.h"

namespace ascolto {

struct Overview {
  std::int64_t responses = 0, scored = 0;
  std::int64_t promoters = 0, passives = 0, detractors = 0;
  std::optional<double> nps;  // none without scored responses
  std::vector<std::pair<std::string, std::int64_t>> by_language;
  std::vector<std::pair<std::string, std::int64_t>> by_label;
  std::vector<const ThemeDriver*> top_themes;  // into the report's themes
  double uncovered_pct = 0;                    // comments with no theme
};

// Reads the language and label counts in the report's scope; the rest comes from `r`, which
// must outlive the overview.
Overview load_overview(SQLite::Database& db, const NpsReport& r);
void print_overview(const Overview& o, const UiLabels& l, std::ostream& out);

}  // namespace ascolto

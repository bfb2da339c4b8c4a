// The respondents to contact back (`report --follow-up`): every response in the report's scope
// from a detractor, or with churn intent or a repeat contact, newest first, with its respondent
// (or response id), date, segments, score, themes and comment; as CSV with every text cell
// neutralised against spreadsheet formulas (io/csv_cell.h).
//
//   write_follow_up_csv(load_follow_up(db, options), std::cout);
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "report/nps_report.h"

namespace ascolto {

struct FollowUp {
  std::int64_t response_id = 0;
  std::string respondent, date, segments, themes, text, band, reasons;
  std::optional<int> score;
};

// All of them, or the `limit` newest (the HTML page shows kFollowUpShown).
std::vector<FollowUp> load_follow_up(SQLite::Database& db, const ReportOptions& options,
                                     std::int64_t limit = -1);
constexpr std::int64_t kFollowUpShown = 500;
void write_follow_up_csv(const std::vector<FollowUp>& rows, std::ostream& out);

}  // namespace ascolto

#include "report/follow_up.h"

#include "io/csv_cell.h"
#include "report/scope.h"

namespace ascolto {

std::vector<FollowUp> load_follow_up(SQLite::Database& db, const ReportOptions& options,
                                     std::int64_t limit) {
  // Segments and themes are gathered per response by correlated subqueries over the indexed
  // response_id columns: only the responses listed are looked up.
  ScopedQuery st(
      db,
      "SELECT r.id, coalesce(r.respondent_id, r.source_id, ''), coalesce(substr(r.response_date, "
      "1, 10), ''), (SELECT group_concat(name || '=' || value, '; ') FROM segments s WHERE "
      "s.response_id = r.id), (SELECT group_concat(DISTINCT theme) FROM mentions m WHERE "
      "m.response_id = r.id), r.text, coalesce(r.band, ''), r.score, r.churn_intent, "
      "r.repeat_contact FROM scope r WHERE r.band = 'detractor' OR r.churn_intent = 1 OR "
      "r.repeat_contact = 1 ORDER BY r.response_date DESC, r.id DESC LIMIT :limit",
      options);
  st->bind(":limit", limit);
  std::vector<FollowUp> out;
  while (st->executeStep()) {
    FollowUp f;
    f.response_id = st->getColumn(0).getInt64();
    f.respondent = st->getColumn(1).getString();
    f.date = st->getColumn(2).getString();
    f.segments = st->getColumn(3).getString();
    f.themes = st->getColumn(4).getString();
    f.text = st->getColumn(5).getString();
    f.band = st->getColumn(6).getString();
    if (!st->getColumn(7).isNull()) f.score = st->getColumn(7).getInt();
    if (f.band == "detractor") f.reasons = "detractor";
    if (st->getColumn(8).getInt())
      f.reasons += std::string(f.reasons.empty() ? "" : ";") + "churn_intent";
    if (st->getColumn(9).getInt()) {
      f.reasons += std::string(f.reasons.empty() ? "" : ";") + "repeat_contact";
    }
    out.push_back(std::move(f));
  }
  return out;
}

void write_follow_up_csv(const std::vector<FollowUp>& rows, std::ostream& out) {
  out << "response_id,respondent,date,segments,score,reasons,themes,comment\n";
  for (const FollowUp& f : rows) {
    out << f.response_id << ',' << csv_cell(f.respondent) << ',' << csv_cell(f.date) << ','
        << csv_cell(f.segments) << ',' << (f.score ? std::to_string(*f.score) : "") << ','
        << csv_cell(f.reasons) << ',' << csv_cell(f.themes) << ',' << csv_cell(f.text) << "\n";
  }
}

}  // namespace ascolto

#include "report/scope.h"

#include "common/error.h"
#include "report/nps_report.h"
#include "report/text_table.h"

namespace ascolto {
namespace {

const std::string kScope =
    "WITH scope AS (SELECT * FROM responses WHERE (:since = '' OR substr(response_date, 1, 10) "
    ">= :since) AND (:until = '' OR substr(response_date, 1, 10) <= :until) AND (:where_name = "
    "'' OR id IN (SELECT response_id FROM segments WHERE lower(name) = lower(:where_name) AND "
    "value = :where_value))), scoped_themes AS (SELECT * FROM response_themes WHERE (:since = "
    "'' OR day >= :since) AND (:until = '' OR (day <> '' AND day <= :until)) AND (:where_name = "
    "'' OR response_id IN (SELECT response_id FROM segments WHERE lower(name) = "
    "lower(:where_name) AND value = :where_value))), scoped_theme_days AS (SELECT * FROM "
    "theme_days WHERE (:since = '' OR day >= :since) AND (:until = '' OR (day <> '' AND day <= "
    ":until))) ";

std::string joined(SQLite::Statement& st, std::size_t limit) {
  std::string out;
  std::size_t count = 0;
  while (st.executeStep()) {
    if (++count > limit) continue;
    if (!out.empty()) out += ", ";
    out += terminal_safe(st.getColumn(0).getString());  // printed on stderr
  }
  if (count > limit) out += "… (" + std::to_string(count) + " in all)";
  return out;
}

}  // namespace

std::pair<std::string, std::string> split_where(const std::string& where) {
  if (where.empty()) return {};
  const std::size_t eq = where.find('=');
  if (eq == 0 || eq == std::string::npos) {
    throw UsageError("--where '" + where + "': expected SEGMENT=VALUE, e.g. store=Milano");
  }
  return {where.substr(0, eq), where.substr(eq + 1)};
}

std::string segment_names(SQLite::Database& db, std::size_t limit) {
  SQLite::Statement st(db, "SELECT DISTINCT name FROM segments ORDER BY name");
  return joined(st, limit);
}

std::string segment_values(SQLite::Database& db, const std::string& name, std::size_t limit) {
  SQLite::Statement st(db,
                       "SELECT value FROM segments WHERE lower(name) = lower(?) GROUP BY value "
                       "ORDER BY count(*) DESC, value");
  st.bind(1, name);
  return joined(st, limit);
}

void check_where(SQLite::Database& db, const std::string& where) {
  const auto [name, value] = split_where(where);
  if (name.empty()) return;
  SQLite::Statement st(
      db,
      "SELECT EXISTS (SELECT 1 FROM segments WHERE lower(name) = lower(?)), "
      "EXISTS (SELECT 1 FROM segments WHERE lower(name) = lower(?) AND value = ?)");
  st.bind(1, name);
  st.bind(2, name);
  st.bind(3, value);
  st.executeStep();
  if (st.getColumn(0).getInt() == 0) {
    const std::string names = segment_names(db);
    throw UsageError(
        "--where '" + where + "': no segment column named '" + name + "'" +
        (names.empty() ? " (the database has no segment columns)" : "; columns: " + names));
  }
  if (st.getColumn(1).getInt() == 0) {
    throw UsageError("--where '" + where + "': no response has " + name + " '" + value +
                     "'; values: " + segment_values(db, name));
  }
}

ScopedQuery::ScopedQuery(SQLite::Database& db, const std::string& sql, const ReportOptions& o)
    : st_(db, kScope + sql) {
  const auto [name, value] = split_where(o.where);
  st_.bind(":since", o.since);
  st_.bind(":until", o.until);
  st_.bind(":where_name", name);
  st_.bind(":where_value", value);
}

}  // namespace ascolto

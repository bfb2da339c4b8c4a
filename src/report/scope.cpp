#include "report/scope.h"

#include "common/error.h"
#include "report/nps_report.h"
#include "report/text_table.h"

namespace ascolto {
namespace {

// The responses of a --where filter are listed once per connection in temp.scope_where (by the
// filter's text): `scope` looks each response up there by key (the report runs many short
// queries: a theme's strongest comments are found after a few rows), scoped_themes reads the
// list once per query (it scans millions of rows). Neither reads all of segments per query.
const std::string kScope =
    "WITH scope AS (SELECT * FROM responses WHERE (:since = '' OR substr(response_date, 1, 10) "
    ">= :since) AND (:until = '' OR substr(response_date, 1, 10) <= :until) AND (:where_name = "
    "'' OR EXISTS (SELECT 1 FROM temp.scope_where w WHERE w.filter = :where AND w.response_id = "
    "responses.id))), scoped_themes AS (SELECT * FROM response_themes WHERE (:since = '' OR day "
    ">= :since) AND (:until = '' OR (day <> '' AND day <= :until)) AND (:where_name = '' OR "
    "response_id IN (SELECT response_id FROM temp.scope_where WHERE filter = :where))), "
    "scoped_theme_days AS (SELECT * FROM theme_days WHERE (:since = '' OR day >= :since) AND "
    "(:until = '' OR (day <> '' AND day <= :until))) ";

// Creates temp.scope_where, and lists the responses of `where` in it unless done already.
void list_where(SQLite::Database& db, const std::string& where) {
  db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS scope_where (filter TEXT NOT NULL, response_id INTEGER NOT "
      "NULL, PRIMARY KEY (filter, response_id)) WITHOUT ROWID");
  db.exec(
      "CREATE TEMP TABLE IF NOT EXISTS scope_where_listed (filter TEXT PRIMARY KEY) WITHOUT ROWID");
  const auto [name, value] = split_where(where);
  if (name.empty()) return;
  SQLite::Statement listed(
      db, "SELECT EXISTS (SELECT 1 FROM temp.scope_where_listed WHERE filter = ?)");
  listed.bind(1, where);
  listed.executeStep();
  if (listed.getColumn(0).getInt() == 1) return;
  SQLite::Statement fill(db,
                         "INSERT OR IGNORE INTO temp.scope_where SELECT ?1, response_id FROM "
                         "segments WHERE lower(name) = lower(?2) AND value = ?3");
  fill.bind(1, where);
  fill.bind(2, name);
  fill.bind(3, value);
  fill.exec();
  SQLite::Statement mark(db, "INSERT INTO temp.scope_where_listed VALUES (?)");
  mark.bind(1, where);
  mark.exec();
}

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
    : st_((list_where(db, o.where), db), kScope + sql) {
  st_.bind(":where", o.where);
  st_.bind(":since", o.since);
  st_.bind(":until", o.until);
  st_.bind(":where_name", split_where(o.where).first);
}

}  // namespace ascolto

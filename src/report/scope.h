// The responses a report covers: a date range and a segment value (--since, --until, --where).
// Every query of the report reads the CTE `scope` (the rows of `responses` in scope) through a
// ScopedQuery, so that no section, the opening block included, covers more than the others; the
// CTE `scoped_themes` is the rows of response_themes (store/response_themes.h) in scope.
//
//   ScopedQuery st(db, "SELECT count(*) FROM scope", options);
//   st->executeStep();
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <string>
#include <utility>

namespace ascolto {

struct ReportOptions;

// "store=Milano" -> {"store", "Milano"}; empty when there is no filter. Throws UsageError
// when the text is not NAME=VALUE.
std::pair<std::string, std::string> split_where(const std::string& where);

// Throws UsageError naming the columns (or the values of that column) present when --where
// names a segment column or value that no response has: an empty report would look like news.
void check_where(SQLite::Database& db, const std::string& where);

// The segment column names present, or the values of one (most frequent first), at most
// `limit` of them joined by ", " with "… (N in all)" when cut.
std::string segment_names(SQLite::Database& db, std::size_t limit = 20);
std::string segment_values(SQLite::Database& db, const std::string& name, std::size_t limit = 20);

// A statement over `WITH scope AS (...) ` + sql, with :since, :until and the --where filter
// bound; the caller binds its own parameters.
class ScopedQuery {
 public:
  ScopedQuery(SQLite::Database& db, const std::string& sql, const ReportOptions& o);
  SQLite::Statement& operator*() { return st_; }
  SQLite::Statement* operator->() { return &st_; }

 private:
  SQLite::Statement st_;
};

}  // namespace ascolto

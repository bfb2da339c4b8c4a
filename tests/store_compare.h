// Shared by the import and merge tests: one value or the rows of a query on a database file, and
// two stores compared as a single import and a merge of its parts must agree, table by table and
// view by view, each as a sorted multiset of rows.
#pragma once

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace ascolto::testing {

// The rows of a query, each as one string, sorted.
inline std::vector<std::string> rows_of(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  SQLite::Statement st(d, sql);
  std::vector<std::string> rows;
  while (st.executeStep()) {
    std::string row;
    for (int i = 0; i < st.getColumnCount(); ++i) {
      const SQLite::Column c = st.getColumn(i);
      row += c.isNull() ? "NULL" : c.getString();
      row += '|';
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// The first column of the first row of a query, as a number or as text.
inline std::int64_t count_of(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}
inline std::string string_of(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getString();
}

// Everything a single import and a merge of its parts agree on: the responses (but the part
// files' paths and line numbers), segments, mentions, rejects (but reasons, which may quote
// line numbers a cut by hand shifts), themes, the runs' totals and every view's figures.
inline void check_same_store(const std::string& single, const std::string& merged) {
  const std::vector<std::pair<std::string, std::string>> tables = {
      {"responses",
       "SELECT id, source_key, content_hash, respondent_id, response_date, score, band, lang, "
       "text, sentences, sentiment, label, churn_intent, repeat_contact, recommendation, "
       "source_id, input_hash FROM responses"},
      {"segments", "SELECT * FROM segments"},
      {"mentions", "SELECT * FROM mentions"},
      {"rejects", "SELECT col, severity, raw FROM rejects"},
      {"themes", "SELECT * FROM themes"},
      {"settings", "SELECT * FROM settings WHERE name = 'pseudonym_key'"}};
  for (const auto& [name, sql] : tables) {
    CAPTURE(name);
    const auto a = rows_of(single, sql), b = rows_of(merged, sql);
    CHECK(a.size() == b.size());
    CHECK(a == b);
  }
  const auto views = rows_of(single, "SELECT name FROM sqlite_master WHERE type = 'view'");
  CHECK(views.size() >= 15);
  for (std::string view : views) {
    view.pop_back();  // the '|'
    CAPTURE(view);
    CHECK(rows_of(single, "SELECT * FROM " + view) == rows_of(merged, "SELECT * FROM " + view));
  }
  for (const char* total : {"rows_read", "rows_new", "rows_rejected"}) {
    CAPTURE(total);
    const std::string sql = std::string("SELECT sum(") + total + ") FROM runs";
    CHECK(count_of(single, sql) == count_of(merged, sql));
  }
}

}  // namespace ascolto::testing

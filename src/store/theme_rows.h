// The response_themes rows of the responses one run writes, made by the writer (Store) from the
// mentions it stores instead of by the refresh's INSERT … SELECT (a sort of every mention): one
// row per response and theme, a subtheme's mentions counted again under its parent, the same
// values as store/response_themes.cpp's query gives (sums added in the order SQLite adds them:
// the response's own mentions of the theme, then its subthemes' ones, each in stored order).
// Kept in memory until the run finishes, then sorted in the table's key order and appended; the
// per-theme-and-day sums of theme_days come from the same sorted rows. Rows follow the
// transactions: a batch's rows count once it commits (commit), and are dropped when it rolls
// back (discard, rollback_to).
//
//   ThemeRows rows;
//   rows.reset(parents, taxonomy_key);            // the taxonomy the mentions roll up by
//   rows.add(response_id, analysed_row, false);   // per response written
//   rows.commit();                                // after the batch's COMMIT
//   rows.write_rows(db);                          // in finish_run's transaction
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/batch.h"

namespace ascolto {

class ThemeRows {
 public:
  // Starts over with the taxonomy `parents` (theme id -> parent id) named by `taxonomy_key`.
  void reset(const std::vector<std::pair<std::string, std::string>>& parents,
             std::string taxonomy_key);
  // Forgets everything; active() is false until the next reset.
  void clear();
  bool active() const { return active_; }
  const std::string& taxonomy_key() const { return taxonomy_key_; }

  // The rows of a response written in the open batch; `replaced`: it was stored before (its
  // old rows are in the table).
  void add(std::int64_t response_id, const AnalysedRow& row, bool replaced);
  // Where the open batch is, to drop one row's rows after a savepoint rolls back.
  std::size_t size() const { return rows_.size(); }
  void rollback_to(std::size_t size);
  void commit();
  void discard();

  // A committed response was stored before this run.
  bool replaced_any() const { return replaced_; }
  // A count outgrew the compact row (more than 65,535 themes or mentions of one kind in a
  // response): the rows are not usable, the refresh computes them instead.
  bool overflow() const { return overflow_; }
  std::size_t committed() const { return committed_; }

  // Sorts the committed rows in key order (theme, day, response_id) and inserts them into
  // main.response_themes; returns the (theme, day) pairs they fall on, in key order.
  std::vector<std::pair<std::string, std::string>> write_rows(SQLite::Database& db);
  // Inserts the theme_days rows of the rows written by write_rows (into a theme_days that holds
  // none of their pairs: the table was empty).
  void write_days(SQLite::Database& db) const;

 private:
  struct Row {
    std::int64_t response_id;
    double sentiment_sum;
    std::uint32_t day;  // index in days_
    std::uint32_t mentions;
    std::uint16_t positive, negative, complaints, suggestions, questions, praise;
    std::uint16_t theme;  // index in themes_
    std::int8_t score;    // -1: none
    std::uint8_t churn;
  };
  std::uint32_t theme_index(const std::string& theme);
  std::uint32_t day_index(const std::string& day);

  bool active_ = false;
  std::string taxonomy_key_;
  std::unordered_map<std::string, std::string> parent_of_;
  std::unordered_map<std::string, std::uint32_t> theme_ids_, day_ids_;
  std::vector<std::string> themes_, days_;
  std::vector<std::int64_t> parents_;  // by theme index: the parent's index, -1 none
  std::vector<Row> rows_;
  std::vector<Row> scratch_;  // one response's rows
  std::size_t committed_ = 0;
  bool replaced_ = false, pending_replaced_ = false, overflow_ = false;
};

}  // namespace ascolto

// The response_themes rows of the responses one run writes, made by the writer (Store) from the
// mentions it stores instead of by the refresh's INSERT … SELECT (a sort of every mention, then
// a join and a grouping): one row per response and theme, a subtheme's mentions counted again
// under its parent, the same values as store/response_themes.cpp's query gives (its sums added
// in the order SQLite adds them: the response's own mentions of the theme, then its subthemes',
// each in stored order). Rows are compact (32 bytes); a block of them (4 MiB) is sorted in the
// table's key order and spilled to an unlinked temporary file when full, and write_rows merges
// the blocks into the table: memory stays bounded whatever the run's size. The per-theme-and-day
// sums of theme_days are kept as the batches commit (a few thousand theme × day pairs). Rows
// follow the transactions: a batch's rows count once it commits (commit), and are dropped when it
// rolls back (discard, rollback_to).
//
//   ThemeRows rows;
//   rows.reset(parents, taxonomy_key);            // the taxonomy the mentions roll up by
//   rows.add(response_id, analysed_row, false);   // per response written
//   rows.commit();                                // after the batch's COMMIT
//   rows.write_rows(db);                          // in finish_run's transaction
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/batch.h"

namespace ascolto {

class ThemeRows {
 public:
  // `block_rows`: rows sorted in memory before a spill (the default: 4 MiB of them).
  explicit ThemeRows(std::size_t block_rows = (4u << 20) / 32) : block_rows_(block_rows) {}
  ~ThemeRows();
  ThemeRows(const ThemeRows&) = delete;
  ThemeRows& operator=(const ThemeRows&) = delete;

  // Starts over with the taxonomy `parents` (theme id -> parent id) named by `taxonomy_key`.
  void reset(const std::vector<std::pair<std::string, std::string>>& parents,
             std::string taxonomy_key);
  // Forgets everything (the temporary file too); active() is false until the next reset.
  void clear();
  bool active() const { return active_; }
  const std::string& taxonomy_key() const { return taxonomy_key_; }

  // The rows of a response written in the open batch; `replaced`: it was stored by an earlier
  // run (its old rows are in the table).
  void add(std::int64_t response_id, const AnalysedRow& row, bool replaced);
  // The rows are not usable: a response written twice in the run, a count outgrowing the
  // compact row (over 255 mentions of one kind, 65,535 themes or days), a spill that failed.
  // The refresh then computes them by query.
  void set_unusable() { unusable_ = true; }
  bool unusable() const { return unusable_; }
  // Where the open batch is, to drop one row's rows after a savepoint rolls back.
  std::size_t pending() const { return pending_.size(); }
  void rollback_to(std::size_t pending);
  void commit();
  void discard();

  // A committed response was stored by an earlier run.
  bool replaced_any() const { return replaced_; }

  // Inserts the committed rows into main.response_themes in key order (theme, day,
  // response_id); returns the (theme, day) pairs they fall on. Throws StoreError when the
  // temporary file cannot be read back.
  std::vector<std::pair<std::string, std::string>> write_rows(SQLite::Database& db);
  // Inserts the theme_days rows of the committed rows, summed as SQLite sums the table's rows
  // (in key order): valid when the table held no other rows and no response was replaced.
  void write_days(SQLite::Database& db) const;

 private:
  struct Row {
    double sentiment_sum;
    std::int64_t response_id;
    std::uint16_t theme;  // index in themes_
    std::uint16_t day;    // index in days_
    std::uint16_t mentions;
    std::uint8_t positive, negative, complaints, suggestions, questions, praise;
    std::int8_t score;  // -1: none
    std::uint8_t churn;
  };
  struct BandSums {
    std::int64_t rows = 0, mentions = 0, positive = 0, negative = 0;
    double sentiment_sum = 0;
  };
  struct DaySums {
    std::int64_t respondents = 0, scored = 0, churn = 0, mentions = 0, positive = 0, negative = 0,
                 complaints = 0, suggestions = 0, questions = 0, praise = 0;
    double sentiment_sum = 0;
    BandSums bands[3];  // promoter, passive, detractor
  };
  std::uint32_t theme_index(const std::string& theme);
  std::uint32_t day_index(const std::string& day);
  void sort(std::vector<Row>& rows) const;
  void spill();

  std::size_t block_rows_;
  bool active_ = false, unusable_ = false;
  std::string taxonomy_key_;
  std::unordered_map<std::string, std::string> parent_of_;
  std::unordered_map<std::string, std::uint32_t> theme_ids_, day_ids_;
  std::vector<std::string> themes_, days_;
  std::vector<std::int64_t> parents_;  // by theme index: the parent's index, -1 none
  std::vector<Row> pending_;           // the open batch
  std::vector<Row> block_;             // committed, not yet spilled
  std::vector<Row> scratch_;           // one response's rows
  std::FILE* spill_ = nullptr;         // sorted blocks, one after the other
  std::vector<std::size_t> spilled_;   // rows per spilled block
  std::unordered_map<std::uint32_t, DaySums> days_sums_;  // by theme << 16 | day
  bool replaced_ = false, pending_replaced_ = false;
};

}  // namespace ascolto

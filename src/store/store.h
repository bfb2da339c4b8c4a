// The single SQLite writer: opens (or creates) the database, migrates it, records each run, and
// writes analysed rows in batches, one transaction per batch, with prepared statements. A row
// whose source key is already stored is left alone when unchanged and replaced (with its
// segments and mentions) when its content, its mapped score/date/segments, the lexicons or the
// analysis options changed, so
// re-running an import never duplicates data; but a row from another file (by name) whose id is
// stored with different content is refused as a clash, never a silent replacement (ids that
// restart in each export: give each its --survey). Duplicate ids within a run are the importer's to
// reject: src/import). An import into an empty database builds the secondary indexes once at the
// end of the run instead of row by row. Rows arrive redacted. Every SQLite error leaves as a
// StoreError naming the database. Not thread-safe: one Store per process.
//
//   Store store("feedback.db");
//   auto run = store.begin_run(info);
//   store.write_batch(run, rows, rejects, counts);
//   store.finish_run(run, RunStatus::Completed);
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "analysis/batch.h"
#include "io/input_row.h"
#include "lexicon/taxonomy.h"
#include "store/new_file.h"
#include "store/theme_rows.h"

namespace ascolto {

struct RunInfo {
  std::string tool_version;
  std::string inputs_json;
  std::string lexicon_hash;
  std::string options_json;  // options that change results, and how automatic ones were chosen
  // The part of options_json that is change detection (empty: all of it); evidence such as the
  // --pack auto word counts is stored but changes no row.
  std::string key_options_json;
  bool force = false;  // re-store (and count as updated) every row, changed or not
};

struct WriteCounts {
  std::int64_t read = 0;
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t rejected = 0;      // rows not stored (in rejects with severity 'row')
  std::int64_t field_issues = 0;  // stored rows with a field set to NULL or empty
  std::int64_t stored() const { return added + updated + unchanged; }
};

struct RefusedRow {
  std::size_t index;
  std::string reason;
};

enum class RunStatus { Completed, Interrupted, Failed };

// Where an import into a database that does not exist yet writes: in place (as into any other),
// or aside under a temporary name with the fast settings, renamed into place by finish_run (see
// new_file.h; until then the database is not at its path, and a crash leaves none there).
enum class NewDatabase { InPlace, BuildAside };

class Store {
 public:
  // `busy_ms`: how long a write waits for another writer's lock before failing with a
  // StoreError that says another import is running.
  explicit Store(const std::string& path, int busy_ms = 5000,
                 NewDatabase new_database = NewDatabase::InPlace);
  ~Store();

  // Starts a run, recording this process and host; first marks `interrupted` the runs this host
  // left `running` whose process is gone (killed outright, so it never closed them).
  std::int64_t begin_run(const RunInfo& info);
  // Replaces the themes table with the taxonomy in use.
  void sync_themes(const Taxonomy& taxonomy);
  // Stores `rows` and `rejects` in one transaction. Returns the rows the database refused, by
  // index in order, with the reason (they are in `rejects` too); the others are stored.
  std::vector<RefusedRow> write_batch(std::int64_t run, const std::vector<AnalysedRow>& rows,
                                      const std::vector<RejectedRow>& rejects, WriteCounts& counts);
  // Records a whole input that could not be read (severity 'file').
  void reject_file(std::int64_t run, const std::string& file, std::size_t line, std::size_t column,
                   const std::string& reason);
  // Stores the personal-data redaction counts of the run (JSON object, kind -> count).
  void record_redactions(std::int64_t run, const std::string& counts_json);
  // Closes the run with its status and the inputs as finally read (formats, encodings, hashes),
  // builds the indexes a bulk import deferred and refreshes response_themes (the rows of the
  // responses written since its last refresh, store/response_themes.h: those of this run as
  // write_batch made them from the mentions it wrote, store/theme_rows.h). Ctrl-C before or during
  // either leaves the indexes to the next open and the table to the next finished run (readers
  // compute it meanwhile) and closes the run as interrupted; returns the status recorded.
  // A database built aside is then renamed into place (last).
  RunStatus finish_run(std::int64_t run, RunStatus status, const std::string& inputs_json);

  // The key of the id pseudonyms (64 hex digits): the one this database holds, made and stored
  // on first use, so the same id gives the same pseudonym on every run into it.
  std::string pseudonym_key();

  SQLite::Database& db() { return db_; }
  const std::string& path() const { return path_; }

 private:
  void close_abandoned_runs(const std::string& host);
  std::vector<RefusedRow> write_rows(std::int64_t run, const std::vector<AnalysedRow>& rows,
                                     const std::vector<RejectedRow>& rejects, WriteCounts& delta,
                                     bool row_by_row);
  // Runs `f`, turning a SQLite::Exception into a StoreError naming the database.
  template <class F>
  auto guarded(F&& f) -> decltype(f());

  std::string path_;
  int busy_ms_;
  NewFile new_file_;  // before db_: removes an unpublished file after db_ has closed it
  SQLite::Database db_;
  std::string analysis_key_;
  struct Statements;
  std::unique_ptr<Statements> st_;
  ThemeRows theme_rows_;  // the response_themes rows of the run's committed batches
};

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now();

}  // namespace ascolto

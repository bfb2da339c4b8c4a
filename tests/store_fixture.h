// Shared by the store and report tests: databases and analysed rows built by hand, without an
// import. Every database is a new file in the test program's scratch directory (helpers.h).
//   Fixture: SQLite::Database db = themed_database("report-test.db");  then INSERT responses...
//   store.write_batch(run, {analysed_row("R1", "h1")}, {}, counts);
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

#include "helpers.h"
#include "store/schema.h"
#include "store/store.h"

namespace ascolto::testing {

// A new database `name` at schema `version`, holding run 1 (completed, lexicons 'x') and the
// themes delivery > delivery.delay and store > store.staff, English and Italian labels.
inline SQLite::Database themed_database(const std::string& name, int version = kSchemaVersion) {
  SQLite::Database db(fresh_db(name), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  migrate(db, version);
  db.exec(R"sql(
INSERT INTO runs (id, started_at, status, tool_version, inputs, lexicon_hash, options)
VALUES (1, '2026-07-01', 'completed', 'test', '[]', 'x', '{}');
INSERT INTO themes VALUES ('delivery', NULL, 'Delivery', 'Consegna'),
  ('delivery.delay', 'delivery', 'Delays', 'Ritardi'), ('store', NULL, 'Store', 'Negozio'),
  ('store.staff', 'store', 'Staff', 'Personale');)sql");
  return db;
}

// A row as the pipeline hands it to the store: line 2 of t.csv, id `id` (source key "id:ID"),
// content hash `hash`, store Milano, Italian, one sentence; score, text and analysis are the
// test's to set.
inline AnalysedRow analysed_row(const std::string& id, const std::string& hash) {
  AnalysedRow r;
  r.row.file = "t.csv";
  r.row.line = 2;
  r.row.id = id;
  r.row.source_key = "id:" + id;
  r.row.content_hash = hash;
  r.row.segments = {{"store", "Milano"}};
  r.analysis.lang = Lang::It;
  r.analysis.sentences = 1;
  return r;
}

}  // namespace ascolto::testing

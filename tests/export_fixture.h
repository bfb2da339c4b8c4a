// Shared by the tests that drive the import library (test_import, test_merge, test_split): an
// observer that keeps what an import reported, the options they import with, and one import of
// files written in the scratch directory (helpers.h) into a database, as `analyze --db` does.
//   const std::string csv = write_file("a.csv", "id,comment\n1,ok\n");
//   const DbImport done = import_into_db(fresh_db("a.db"), import_options({csv}));
//   CHECK(done.summary.counts.stored == 1);
#pragma once

#include <string>
#include <vector>

#include "helpers.h"
#include "import/importer.h"
#include "import/sinks.h"
#include "store/pseudonym_settings.h"
#include "store/store.h"

namespace ascolto::testing {

// The run every test import records (tool version "test", lexicons "lex").
inline const RunInfo kTestRun{"test", "[]", "lex", "{}"};

// Every problem an import reported, as "where: kind: reason", and every progress report.
struct ProblemLog : ImportObserver {
  std::vector<std::string> problems;
  std::vector<ImportProgress> progress_seen;
  void problem(const std::string& where, const std::string& kind,
               const std::string& reason) override {
    problems.push_back(where + ": " + kind + ": " + reason);
  }
  void progress(const ImportProgress& p) override { progress_seen.push_back(p); }
  // Whether a problem holds `text`.
  bool has(const std::string& text) const {
    for (const auto& p : problems)
      if (p.find(text) != std::string::npos) return true;
    return false;
  }
};

// Options to import `files` with `threads` workers in batches of `batch_size` rows.
inline ImportOptions import_options(std::vector<std::string> files, unsigned threads = 2,
                                    std::size_t batch_size = 2) {
  ImportOptions o;
  o.files = std::move(files);
  o.threads = threads;
  o.batch_size = batch_size;
  return o;
}

struct DbImport {
  ImportSummary summary;
  WriteCounts written;  // what the store sink added, updated, left unchanged
};

// One import of `o.files` with the shipped lexicons into the database `db` (made if missing),
// recorded as `run`, `seen` told the problems, `also` (if any) fed the same rows; with
// `o.pseudonym_key_hex` set, the store adopts that key first.
inline DbImport import_into_db(const std::string& db, const ImportOptions& o, ImportObserver& seen,
                               const RunInfo& run = kTestRun, ImportSink* also = nullptr) {
  Store store(db);
  if (!o.pseudonym_key_hex.empty()) adopt_pseudonym_key(store.db(), o.pseudonym_key_hex);
  StoreSink sink(store, run, shipped().taxonomy);
  Importer importer(shipped(), o);
  importer.add_sink(sink);
  if (also) importer.add_sink(*also);
  DbImport done{importer.run(seen), {}};
  done.written = sink.counts();
  return done;
}

// The same, its problems unheard.
inline DbImport import_into_db(const std::string& db, const ImportOptions& o,
                               const RunInfo& run = kTestRun) {
  ProblemLog ignored;
  return import_into_db(db, o, ignored, run);
}

}  // namespace ascolto::testing

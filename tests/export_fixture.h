// Shared by the tests that import exports (test_import, test_merge, test_split and the merge
// end-to-end test): an observer that keeps what an import reported, the options they import with,
// one import of files written in the scratch directory (helpers.h) into a database, as `analyze
// --db` does, and a generated survey export, whole and cut in parts.
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

// The header of the generated survey export (export_records).
inline const std::string kExportHeader = "id,score,date,store,customer_id,comment\n";

// Records first..last of a generated survey export, under kExportHeader. Record i: id R<i>;
// score i % 11, but the word "dieci" for every 13th (a field problem, the row still stored);
// date 2026-0<1 + i % 6>-1<i % 10>; store Milano, Roma or Napoli by i % 3; customer id C<i % 500>
// (a customer answers again every 500 records), an e-mail address for every 7th (pseudonymized);
// one of ten comments in Italian and English. A record with i % 17 == 5 holds an unterminated
// quote: its line is rejected, the next is read.
inline std::string export_records(int first, int last) {
  static const char* const comments[] = {
      "Ottimo servizio, personale gentile",     "Consegna in ritardo di una settimana",
      "Prezzi troppo alti per la qualità",      "Great support, fast delivery",
      "The app keeps crashing, terrible",       "Nulla da segnalare",
      "Il pacco è arrivato rotto, pessimo",     "Staff was rude and the wait was long",
      "Commessa molto disponibile e preparata", "Checkout semplice ma spedizione cara"};
  static const char* const stores[] = {"Milano", "Roma", "Napoli"};
  std::string csv;
  for (int i = first; i <= last; ++i) {
    const std::string n = std::to_string(i);
    if (i % 17 == 5) {
      csv += "R" + n + ",\"unterminated\n";
      continue;
    }
    csv += "R" + n + "," + (i % 13 == 0 ? "dieci" : std::to_string(i % 11)) + ",2026-0" +
           std::to_string(1 + i % 6) + "-1" + std::to_string(i % 10) + "," + stores[i % 3] + "," +
           (i % 7 == 0 ? "cliente" + n + "@example.com" : "C" + std::to_string(i % 500)) + ",\"" +
           comments[i % 10] + "\"\n";
  }
  return csv;
}

// The records 1..rows of the generated export, written whole at NAME/whole/export.csv and cut by
// hand between records at `cuts` (the records where a part starts) into NAME/partK/export.csv:
// each part with the header, under the export's own name in a folder of its own.
struct ExportFiles {
  std::string whole;
  std::vector<std::string> parts;
};
inline ExportFiles export_in_parts(const std::string& name, int rows,
                                   const std::vector<int>& cuts) {
  ExportFiles e;
  e.whole = write_file(name + "/whole/export.csv", kExportHeader + export_records(1, rows));
  int first = 1;
  for (std::size_t k = 0; k <= cuts.size(); ++k) {
    const int last = k < cuts.size() ? cuts[k] - 1 : rows;
    e.parts.push_back(write_file(name + "/part" + std::to_string(k + 1) + "/export.csv",
                                 kExportHeader + export_records(first, last)));
    first = last + 1;
  }
  return e;
}

}  // namespace ascolto::testing

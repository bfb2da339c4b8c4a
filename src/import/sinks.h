// The two sinks of an import: the SQLite store (a run per import, a transaction per batch) and
// the JSON-lines writer (one object per stored comment, see json_output.h).
//
//   Store store("feedback.db");
//   StoreSink db(store, run_info, lexicons.taxonomy);   // first: it may refuse rows
//   JsonLinesSink json(std::cout, "<stdout>");
//   importer.add_sink(db);
//   importer.add_sink(json);
#pragma once

#include <ostream>
#include <string>

#include "import/importer.h"
#include "lexicon/taxonomy.h"
#include "store/store.h"

namespace ascolto {

// Records the run (begin_run, the taxonomy, redaction counts, inputs as read, its status) and
// writes every batch. Must be the first sink: it stores the rows no sink refused before it.
class StoreSink : public ImportSink {
 public:
  StoreSink(Store& store, const RunInfo& info, const Taxonomy& taxonomy);
  void write(Batch& batch, std::vector<Refused>& refused) override;
  // Closes the run (completed or interrupted) and builds the indexes a bulk import deferred.
  void finish(ImportSummary& summary, ImportObserver& observer) override;

  std::int64_t run() const { return run_; }
  // New, updated and unchanged rows as the database counted them.
  const WriteCounts& counts() const { return counts_; }

 private:
  Store& store_;
  std::int64_t run_;
  WriteCounts counts_;
};

// Writes one JSON line per stored comment to `out`; `name` is how errors name it. A failed write
// (a full disk, /dev/full, a closed pipe) throws OutputError at that batch.
class JsonLinesSink : public ImportSink {
 public:
  JsonLinesSink(std::ostream& out, std::string name) : out_(out), name_(std::move(name)) {}
  void write(Batch& batch, std::vector<Refused>& refused) override;
  void finish(ImportSummary& summary, ImportObserver& observer) override;

 private:
  void check();  // throws OutputError naming the output once a write failed

  std::ostream& out_;
  std::string name_;
  std::string lines_;
};

// The redaction counts as a JSON object (kind -> count), as the run records them.
std::string pii_counts_json(const PiiCounts& counts);

}  // namespace ascolto

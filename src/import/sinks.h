// The two sinks of an import: the SQLite store (a run per import, a transaction per batch) and
// the JSON-lines writer (one object per stored comment, see json_output.h).
//
//   Store store("feedback.db");
//   StoreSink db(store, run_info, lexicons.taxonomy);   // first: it may refuse rows
//   JsonLinesSink json(std::cout, "<stdout>");
//   importer.add_sink(db);
//   importer.add_sink(json);
#pragma once

#include <nlohmann/json.hpp>

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
//
// Given a run header (`--out-fields all`), the output is complete enough for `ascolto merge`:
// the header as the first line {"ascolto_run":{...}} (tool_version, lexicon_hash, options,
// key_options, themes, started_at, host, pid, pseudonym_key: the key's fingerprint), each
// comment with its input fields (json_output.h), each row not stored as
// {"reject":{"file","line","col","severity":"row"|"file","reason","raw"}}, and last
// {"ascolto_run_end":{"status":"completed"|"interrupted","inputs":[...],"pii_redactions":{...}}}.
// Outputs of several runs may be concatenated (e.g. one per Spark partition).
class JsonLinesSink : public ImportSink {
 public:
  JsonLinesSink(std::ostream& out, std::string name, nlohmann::json run_header = nullptr)
      : out_(out), name_(std::move(name)), header_(std::move(run_header)) {}
  void write(Batch& batch, std::vector<Refused>& refused) override;
  void finish(ImportSummary& summary, ImportObserver& observer) override;

 private:
  void check();  // throws OutputError naming the output once a write failed
  void start();  // the header line, once

  std::ostream& out_;
  std::string name_;
  nlohmann::json header_;
  bool started_ = false;
  std::string lines_;
};

// The `ascolto_run` header of JSON lines written with every field: what the run was analysed
// with (as RunInfo has it), the taxonomy, when and where it ran.
nlohmann::json json_run_header(const RunInfo& info, const Taxonomy& taxonomy,
                               const std::string& key_fingerprint);

// The redaction counts as a JSON object (kind -> count), as the run records them.
std::string pii_counts_json(const PiiCounts& counts);

}  // namespace ascolto

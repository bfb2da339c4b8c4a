// The import as a library: reads survey exports, maps their columns, redacts personal data,
// rejects duplicate ids, batches the rows through the analysis pipeline and hands each analysed
// batch, in input order, to its sinks (the JSON-lines writer, the Store). It owns the counts
// (rows read = stored + rejected), the problem log and Ctrl-C (SIGINT/SIGTERM stop the run after
// the current batch, in every phase). It prints nothing: an ImportObserver sees the problems and
// the progress.
//
//   Importer importer(lexicons, options);
//   StoreSink store(db, run_info, lexicons.taxonomy);   // sinks run in the order added
//   JsonLinesSink json(std::cout, "<stdout>");
//   importer.add_sink(store);
//   importer.add_sink(json);
//   ImportSummary summary = importer.run(observer);
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/pipeline.h"
#include "import/partition.h"
#include "io/open_reader.h"
#include "io/row_mapper.h"
#include "io/sampled_reader.h"
#include "privacy/redactor.h"

namespace ascolto {

struct ImportOptions {
  std::vector<std::string> files;  // "-" is standard input
  ReaderOptions reader;
  ColumnOptions columns;
  std::size_t batch_size = 2000;
  unsigned threads = 1;
  Lang forced_lang = Lang::Und;
  bool redact = true;  // false: --keep-pii
  // The key of the pseudonyms that replace personal data in ids (privacy/pseudonym.h): the
  // database's own (Store::pseudonym_key), so equal ids stay equal keys across runs. Empty: a
  // random key for this run only.
  std::string pseudonym_key_hex;
  bool timed = false;  // per-stage seconds in the summary
  // Scopes the response ids: rows of survey "2026-02" never meet those of "2026-01" under the
  // same id (exports that number responses from 1 each time), and carry a "survey" segment.
  std::string survey;
  // Only this part's records are analysed and written (`--part K/N`, see partition.h); those
  // before them are still read, mapped and checked for duplicate ids, so the part's rows, keys,
  // line numbers and rejects are exactly the single run's, and reading stops after them. A file
  // that cannot be read (or not to its end) is reported and stored by the part whose records it
  // comes among. Standard input is refused (UsageError): the records are counted first.
  Partition partition;
};

struct ImportCounts {
  std::int64_t read = 0;
  std::int64_t stored = 0;
  std::int64_t rejected = 0;      // rows read and not stored, each with its reason
  std::int64_t field_issues = 0;  // stored rows with a field set to NULL or empty
};

// Where the import is, for a progress display.
struct ImportProgress {
  std::int64_t rows = 0;          // rows written by the sinks so far
  std::uint64_t bytes_read = 0;   // input bytes the reader has consumed (approximate)
  std::uint64_t bytes_total = 0;  // sizes of the inputs; 0 when unknown (standard input)
  const char* phase = "reading";  // "reading", "building indexes"
};

struct ImportSummary {
  ImportCounts counts;
  std::map<std::string, std::int64_t> field_issue_kinds;  // column name -> stored rows affected
  PiiCounts redactions;
  bool redacted = true;         // personal data was redacted (not --keep-pii)
  bool input_problems = false;  // a file could not be read, or not to its end
  bool interrupted = false;
  // Per input as read: path, format, hash and the columns used.
  nlohmann::json inputs = nlohmann::json::array();
  ImportProgress last_progress;  // as last reported, for the sinks' final phase
  double read_seconds = 0, finish_seconds = 0;
  StageTimes times;
};

// The progress line a terminal shows: rows, rate, the share of the input read and the time left
// while reading ("12000 rows  4100 rows/s  37% read, about 5 s left"), then the final phase
// ("200000 rows read; building indexes...").
std::string describe_progress(const ImportProgress& p, double elapsed_seconds);

// Sees what the import finds. Calls come from the reader and the writer threads, never at once.
class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  // One problem: `where` is file:line[:column], `kind` "rejected row", "field", "skipped file"
  // or "stopped reading". The reason is already redacted.
  virtual void problem(const std::string& where, const std::string& kind,
                       const std::string& reason) = 0;
  virtual void progress(const ImportProgress&) {}
  // The columns a file is read with (`describe` is one line: comment, score, date and its order,
  // id, respondent, segments) and what is missing, before its first row is read.
  virtual void columns(const std::string& /*file*/, const std::string& /*describe*/,
                       const std::vector<std::string>& /*warnings*/) {}
};

// A destination of analysed batches; called on the writer thread, one batch at a time in input
// order. Sinks run in the order they were added; a sink skips the rows an earlier one refused.
class ImportSink {
 public:
  struct Refused {
    std::size_t index;  // in batch.rows
    std::string reason;
  };
  virtual ~ImportSink() = default;
  // Writes `batch`'s rejects and its rows not in `refused` (sorted by index); appends the rows
  // it could not write, in index order, with their reason.
  virtual void write(Batch& batch, std::vector<Refused>& refused) = 0;
  // After the last batch (or an interruption): `summary` is final but for what the sink adds.
  virtual void finish(ImportSummary& summary, ImportObserver& observer) = 0;
};

class Importer {
 public:
  Importer(const Lexicons& lexicons, ImportOptions options);
  void add_sink(ImportSink& sink) { sinks_.push_back(&sink); }
  // Runs the whole import. Throws StoreError/OutputError from a sink (the batches committed
  // before stay), UsageError for options the readers refuse.
  ImportSummary run(ImportObserver& observer);

 private:
  const Lexicons& lexicons_;
  ImportOptions options_;
  std::vector<ImportSink*> sinks_;
};

}  // namespace ascolto

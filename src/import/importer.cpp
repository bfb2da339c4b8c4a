#include "import/importer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <variant>

#include "common/error.h"
#include "common/interrupt.h"
#include "import/duplicate_ids.h"
#include "import/row_redaction.h"
#include "io/splitter.h"

namespace ascolto {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Thrown by the writer when Ctrl-C arrived: the pipeline stops its workers and drops the batches
// not yet written, and the import closes as interrupted.
struct Stopped {};

// Serialises the observer calls of the reader and writer threads.
class SerialObserver {
 public:
  explicit SerialObserver(ImportObserver& inner) : inner_(inner) {}
  void problem(const std::string& where, const std::string& kind, const std::string& reason) {
    const std::lock_guard lock(mutex_);
    inner_.problem(where, kind, reason);
  }
  void progress(const ImportProgress& p) {
    const std::lock_guard lock(mutex_);
    inner_.progress(p);
  }
  void columns(const std::string& file, const std::string& describe,
               const std::vector<std::string>& warnings) {
    const std::lock_guard lock(mutex_);
    inner_.columns(file, describe, warnings);
  }

 private:
  std::mutex mutex_;
  ImportObserver& inner_;
};

// The records a run over `files` reads, for --part: the same readers, no mapping or analysis. A
// file that cannot be read (or not to its end) counts what could be read, as the run will.
std::uint64_t count_records(const std::vector<std::string>& files, const ReaderOptions& options) {
  std::uint64_t count = 0;
  for (const std::string& file : files) {
    if (file == "-") throw UsageError("--part reads the input twice: give files, not '-'");
    try {
      const std::unique_ptr<RecordReader> reader = open_reader(file, options);
      RawRecord rec;
      while (reader->next(rec)) ++count;
    } catch (const InputError&) {
      // Reported by the run itself, at its place.
    }
  }
  return count;
}

std::uint64_t total_size(const std::vector<std::string>& files) {
  std::uint64_t total = 0;
  for (const std::string& f : files) {
    std::error_code ec;
    const auto size = f == "-" ? 0 : std::filesystem::file_size(f, ec);
    if (!ec) total += size;
  }
  return total;
}

}  // namespace

std::string describe_progress(const ImportProgress& p, double elapsed) {
  char buf[160];
  const auto rows = static_cast<long long>(p.rows);
  if (std::string_view(p.phase) != "reading") {
    std::snprintf(buf, sizeof buf, "%lld rows read; %s... (%.1f s elapsed)", rows, p.phase,
                  elapsed);
    return buf;
  }
  const double rate = elapsed > 0 ? static_cast<double>(p.rows) / elapsed : 0.0;
  int n = std::snprintf(buf, sizeof buf, "%lld rows  %.0f rows/s", rows, rate);
  if (p.bytes_total > 0) {
    // Bytes counted as the records were read (UTF-8), against the files' sizes: an estimate.
    const double share =
        std::min(1.0, static_cast<double>(p.bytes_read) / static_cast<double>(p.bytes_total));
    n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), "  %.0f%% read",
                       share * 100);
    if (share > 0.01 && share < 1.0) {
      std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ", about %.0f s left",
                    elapsed * (1 - share) / share);
    }
  } else {
    std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), "  %.1f s elapsed", elapsed);
  }
  return buf;
}

Importer::Importer(const Lexicons& lexicons, ImportOptions options)
    : lexicons_(lexicons), options_(std::move(options)) {}

ImportSummary Importer::run(ImportObserver& outer) {
  ImportSummary summary;
  summary.redacted = options_.redact;
  SerialObserver observer(outer);
  const RowRedaction redaction(options_.redact, options_.pseudonym_key_hex);
  DuplicateIds ids;
  const InterruptGuard interrupt_guard;
  const auto stop_requested = [&] {
    return summary.interrupted = summary.interrupted || interrupt_requested();
  };
  std::atomic<std::uint64_t> bytes_read{0};
  ImportProgress progress;
  progress.bytes_total = total_size(options_.files);
  PiiCounts reject_redactions;  // counted on the reader thread, added at the end
  // Rejected rows keep their raw text, so it is redacted like a stored comment.
  const auto keep_reject = [&](std::vector<RejectedRow>& rejects, RejectedRow rejected) {
    reject_redactions += redaction.rejected(rejected);
    observer.problem(SourcePos{rejected.file, rejected.line, rejected.column}.str(), "rejected row",
                     rejected.reason);
    rejects.push_back(std::move(rejected));
  };

  ImportCounts& counts = summary.counts;
  // Runs on the writer thread, one batch at a time in input order.
  std::vector<ImportSink::Refused> refused;
  const auto write = [&](Batch& batch) {
    if (interrupt_requested()) throw Stopped{};
    refused.clear();
    for (ImportSink* sink : sinks_) sink->write(batch, refused);
    for (const ImportSink::Refused& r : refused) {
      const InputRow& row = batch.rows[r.index].row;
      observer.problem(SourcePos{row.file, row.line, 0}.str(), "rejected row", r.reason);
    }
    // Each stored row: its field problems (a row a sink refused is reported as that, not also
    // for the fields it would have stored).
    auto next_refused = refused.begin();
    for (std::size_t i = 0; i < batch.rows.size(); ++i) {
      if (next_refused != refused.end() && next_refused->index == i) {
        ++next_refused;
        continue;
      }
      const InputRow& row = batch.rows[i].row;
      for (const FieldIssue& issue : row.issues) {
        observer.problem(SourcePos{row.file, row.line, issue.column}.str(), "field", issue.reason);
        ++summary.field_issue_kinds[issue.field];
      }
      counts.field_issues += static_cast<std::int64_t>(row.issues.size());
    }
    counts.read += static_cast<std::int64_t>(batch.size());
    counts.stored += static_cast<std::int64_t>(batch.rows.size() - refused.size());
    counts.rejected += static_cast<std::int64_t>(batch.rejects.size() + refused.size());
    progress.rows = counts.read;
    progress.bytes_read = bytes_read.load(std::memory_order_relaxed);
    observer.progress(progress);
  };

  AnalysisPipeline pipeline(lexicons_, options_.forced_lang, options_.threads, write,
                            options_.timed);
  Batch batch;
  auto batch_start = Clock::now();
  // Batch boundaries: the one place where the reader hands work on.
  const auto submit = [&] {
    summary.read_seconds += seconds_since(batch_start);
    pipeline.submit(std::move(batch));
    batch = Batch();
    batch_start = Clock::now();
  };

  // --part K/N: the records this part analyses. A problem with a whole file is this part's when
  // it comes at one of its records (or after the last record, for the last part).
  const PartRange part =
      options_.partition.whole()
          ? PartRange{}
          : options_.partition.range(count_records(options_.files, options_.reader));
  std::uint64_t record_index = 0;  // over the whole run
  const auto owns_place = [&] { return part.owns(record_index); };
  const auto scope_to_survey = [&](InputRow& row) {
    if (options_.survey.empty()) return;
    row.source_key = "survey:" + options_.survey + "|" + row.source_key;
    row.segments.emplace_back("survey", options_.survey);
  };

  try {
    for (const std::string& file : options_.files) {
      if (stop_requested() || record_index >= part.end) break;
      std::unique_ptr<SampledReader> reader;
      std::optional<RowMapper> mapper;
      std::optional<SplitOrigin> origin;  // a part written by split: named as its input
      try {
        origin = split_origin(file);
        const std::string name = origin ? origin->source : file == "-" ? "<stdin>" : file;
        reader = std::make_unique<SampledReader>(open_reader(file, options_.reader));
        mapper.emplace(*reader, options_.columns, name);
        if (origin) {
          for (const auto& [content, copies] : origin->earlier_copies)
            mapper->count_earlier_copies(content, copies);
        }
        observer.columns(name, mapper->mapping().describe(), mapper->mapping().warnings);
      } catch (const InputError& e) {
        if (!owns_place()) continue;
        summary.input_problems = true;
        std::string reason = e.what() + e.pos().str().size() + 2, full = e.what();
        redaction.message(reason);
        redaction.message(full);
        observer.problem(e.pos().str(), "skipped file", reason);
        batch.unreadable.push_back({e.pos().file, e.pos().line, e.pos().column, full, {}});
        submit();
        continue;
      }
      RawRecord rec;
      const std::string id_column = mapper->id_column();
      // The header line, as near as its fields tell (delimiters and the line end).
      std::uint64_t header_bytes = reader->header().size();
      for (const std::string& name : reader->header()) header_bytes += name.size();
      bytes_read.fetch_add(header_bytes, std::memory_order_relaxed);
      try {
        while (reader->next(rec)) {
          bytes_read.fetch_add(rec.raw.size() + 1, std::memory_order_relaxed);
          if (origin) origin->apply(rec);
          if (record_index >= part.end) break;  // the rest is other parts'
          if (!part.owns(record_index++)) {
            // Another part's record: mapped for the keys of identical rows, and its id kept
            // for the duplicate check, as in a single run.
            auto mapped = mapper->map(rec);
            if (auto* row = std::get_if<InputRow>(&mapped)) {
              redaction.key(*row);
              scope_to_survey(*row);
              ids.first_time(*row);
            }
            continue;
          }
          auto mapped = mapper->map(rec);
          if (auto* row = std::get_if<InputRow>(&mapped)) {
            // Redacted first, so the duplicate's reason quotes the id as stored; a duplicate's
            // personal data is counted once, in its raw record.
            const PiiCounts found = redaction.row(*row);
            scope_to_survey(*row);
            if (!ids.first_time(*row)) {
              keep_reject(batch.rejects,
                          {row->file, row->line, 0, duplicate_id_reason(*row, id_column), rec.raw});
            } else {
              summary.redactions += found;
              batch.rows.push_back({std::move(*row), {}});
            }
          } else {
            keep_reject(batch.rejects, std::move(std::get<RejectedRow>(mapped)));
          }
          if (batch.size() >= options_.batch_size) {
            submit();
            // Ctrl-C stops here, at a batch boundary: the batches written are committed, and a
            // re-run finishes the import.
            if (stop_requested()) break;
          }
        }
      } catch (const InputError& e) {
        // A read error mid-file: keep what was read, record the failure, go on with the next
        // file.
        if (owns_place()) {
          summary.input_problems = true;
          std::string reason = e.what();
          redaction.message(reason);
          observer.problem(e.pos().str(), "stopped reading", reason);
          batch.unreadable.push_back({e.pos().file, e.pos().line, e.pos().column, reason, {}});
        }
      }
      submit();
      summary.inputs.push_back({{"path", file},
                                {"format", reader->describe()},
                                {"hash", reader->input_hash()},
                                {"columns",
                                 {{"text", mapper->text_column()},
                                  {"id", mapper->id_column()},
                                  {"respondent", mapper->respondent_column()},
                                  {"score", mapper->score_column()},
                                  {"date", mapper->date_column()},
                                  {"segments", mapper->segment_columns()}}}});
      if (origin) summary.inputs.back()["part_of"] = origin->source;
    }
    pipeline.finish();
  } catch (const Stopped&) {
    summary.interrupted = true;
  }
  summary.redactions += reject_redactions;
  summary.last_progress = progress;
  stop_requested();
  if (options_.timed && !summary.interrupted) summary.times = pipeline.times();
  const auto finish_start = Clock::now();
  for (ImportSink* sink : sinks_) sink->finish(summary, outer);
  summary.finish_seconds = seconds_since(finish_start);
  return summary;
}

}  // namespace ascolto

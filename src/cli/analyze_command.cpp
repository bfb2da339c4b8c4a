#include "cli/analyze_command.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

#include "analysis/pipeline.h"
#include "ascolto_config.h"
#include "cli/json_output.h"
#include "cli/shared_options.h"
#include "common/error.h"
#include "common/hash.h"
#include "common/interrupt.h"
#include "common/seen_hashes.h"
#include "io/open_reader.h"
#include "io/row_mapper.h"
#include "io/sampled_reader.h"
#include "lexicon/lexicons.h"
#include "privacy/redactor.h"
#include "store/store.h"

namespace ascolto {
namespace {

namespace po = boost::program_options;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kShownProblems = 20;  // problems printed one by one before summarising
constexpr int kExitInterrupted = 130;       // the shell's code for a command stopped by SIGINT

struct AnalyzeOptions {
  std::vector<std::string> files;
  std::string db, out, format = "auto", encoding, delimiter, sheet;
  std::string date_order = "auto";
  LexiconCliOptions lexicon;
  ColumnOptions columns;
  std::size_t skip_rows = 0;
  std::size_t batch_size = 2000;
  unsigned threads = 0;
  bool timings = false;
  bool keep_pii = false;
  std::size_t max_field_bytes = 1 << 20;
};

// A progress line on stderr, only when stderr is a terminal.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) == 1), start_(Clock::now()), last_(start_) {}
  void update(std::int64_t rows, bool force = false) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r%lld rows  %.0f rows/s  %.1f s elapsed   ",
                 static_cast<long long>(rows), secs > 0 ? static_cast<double>(rows) / secs : 0.0,
                 secs);
    if (force) std::fputc('\n', stderr);
  }
  double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  bool enabled_;
  Clock::time_point start_, last_;
};

// Prints the first problems in full (file:line:column: reason), then only counts them. The reader
// and the writer (duplicate ids) both report.
class ProblemLog {
 public:
  void report(const std::string& where, const std::string& reason, const char* kind) {
    const std::lock_guard lock(mutex_);
    if (++shown_ <= kShownProblems) std::cerr << where << ": " << kind << ": " << reason << "\n";
  }
  void finish() const {
    if (shown_ > kShownProblems) {
      std::cerr << "... and " << shown_ - kShownProblems
                << " more problems (all are in the rejects table)\n";
    }
  }

 private:
  std::mutex mutex_;
  std::size_t shown_ = 0;
};

AnalyzeOptions parse(const std::vector<std::string>& args, bool* help) {
  AnalyzeOptions o;
  po::options_description desc(
      "Usage: ascolto analyze FILE... [--db PATH] [--out PATH|-] [options]\n\n"
      "Reads survey exports (CSV/TSV with any delimiter and encoding, JSONL, or one comment per\n"
      "line; '-' is standard input), analyses each comment (language, sentiment, themes) and\n"
      "stores responses, segments, theme mentions and rejected rows in SQLite (--db) and/or\n"
      "writes one JSON object per comment (--out). Re-running an import adds nothing new.\n\n"
      "Options");
  desc.add_options()("help,h", "show this help")("db", po::value(&o.db),
                                                 "SQLite database to create or update")(
      "out", po::value(&o.out), "write one JSON line per comment to PATH ('-' = stdout)")(
      "format", po::value(&o.format)->default_value("auto"),
      "auto, csv, tsv, jsonl, lines or xlsx (workbooks are recognised by their bytes)")(
      "sheet", po::value(&o.sheet), ".xlsx sheet to read (default: the first)")(
      "encoding", po::value(&o.encoding), "input encoding (default: detected), e.g. windows-1252")(
      "delimiter", po::value(&o.delimiter), "CSV delimiter: ',' ';' 'tab' (default: detected)")(
      "skip-rows", po::value(&o.skip_rows)->default_value(0),
      "extra header rows after the first (Qualtrics 2, SurveyMonkey 1; Qualtrics is detected)")(
      "text-col", po::value(&o.columns.text_col), "comment column (default: recognised by name)")(
      "id-col", po::value(&o.columns.id_col),
      "response id column, unique per response (default: id, response_id, ResponseId...)")(
      "respondent-col", po::value(&o.columns.respondent_col),
      "respondent (customer) column, repeats across survey waves (default: customer_id, "
      "cliente, codice_cliente...)")("score-col", po::value(&o.columns.score_col),
                                     "NPS score column (0-10)")(
      "date-col", po::value(&o.columns.date_col), "date column")(
      "segment-col", po::value(&o.columns.segment_cols)->composing(),
      "segment column (repeatable; default: store, channel, region... by name)")(
      "date-order", po::value(&o.date_order)->default_value("auto"),
      "dmy (14/03/2026, Italian) or mdy (03/14/2026, US) for numeric dates (default: "
      "from the values, else dmy)")(
      "threads", po::value(&o.threads)->default_value(0), "analysis threads (0 = all cores)")(
      "batch-size", po::value(&o.batch_size)->default_value(2000), "rows per transaction")(
      "timings", po::bool_switch(&o.timings), "print seconds spent per stage to stderr")(
      "keep-pii", po::bool_switch(&o.keep_pii),
      "store comments as written (default: e-mails, phones, IBANs, cards, codici fiscali and "
      "partite IVA are replaced by [EMAIL], [PHONE], ...)")(
      "max-field-bytes", po::value(&o.max_field_bytes)->default_value(1 << 20),
      "longer fields are cut at a character boundary and flagged");
  add_lexicon_options(desc, o.lexicon);
  if (!parse_with_positional(args, desc, "file", o.files)) {
    *help = true;
    return o;
  }
  if (o.files.empty()) throw UsageError("no input files (see --help)");
  if (o.db.empty() && o.out.empty())
    throw UsageError("nothing to write: give --db PATH and/or --out PATH");
  if (o.batch_size == 0) throw UsageError("--batch-size must be at least 1");
  if (o.max_field_bytes < 16) throw UsageError("--max-field-bytes must be at least 16");
  set_date_order(o.columns, o.date_order);
  return o;
}

// Per-stage seconds on stderr, one "timing STAGE SECONDS" line each (read by bench/run.py).
// "finish" is closing the run: the indexes an import into an empty database builds at the end.
void print_timings(double read, const StageTimes& t, double finish) {
  const std::pair<const char*, double> stages[] = {{"read", read},
                                                   {"tokenize", t.analysis.tokenize},
                                                   {"language", t.analysis.language},
                                                   {"sentiment", t.analysis.sentiment},
                                                   {"themes", t.analysis.themes},
                                                   {"write", t.write},
                                                   {"finish", finish}};
  for (const auto& [name, secs] : stages) std::fprintf(stderr, "timing %s %.3f\n", name, secs);
}

char parse_delimiter(const std::string& d) {
  if (d.empty()) return 0;
  if (d == "tab" || d == "\\t" || d == "\t") return '\t';
  if (d.size() == 1 && (d == "," || d == ";" || d == "|")) return d[0];
  throw UsageError("--delimiter must be ',', ';', '|' or 'tab'");
}

// "email: 2, phone: 1" for the summary, and the JSON object stored with the run.
std::string describe_redactions(const PiiCounts& counts, nlohmann::json& as_json) {
  std::string text;
  as_json = nlohmann::json::object();
  for (std::size_t i = 0; i < kPiiKinds; ++i) {
    const auto kind = static_cast<PiiKind>(i);
    as_json[pii_kind_name(kind)] = counts[kind];
    if (counts[kind] == 0) continue;
    text += (text.empty() ? "" : ", ") + std::string(pii_kind_name(kind)) + ": " +
            std::to_string(counts[kind]);
  }
  return text;
}

}  // namespace

int run_analyze(const std::vector<std::string>& args, const std::string& argv0) {
  bool help = false;
  AnalyzeOptions opt = parse(args, &help);
  if (help) return 0;

  ReaderOptions reader_options;
  reader_options.format = parse_input_format(opt.format, reader_options.csv);
  if (const char d = parse_delimiter(opt.delimiter); d != 0) reader_options.csv.delimiter = d;
  reader_options.csv.skip_rows = opt.skip_rows;
  reader_options.encoding = opt.encoding;
  reader_options.max_field_bytes = opt.max_field_bytes;
  reader_options.sheet = opt.sheet;
  const Lang forced = parse_lang(opt.lexicon.lang);
  const auto lexicons = load_from_options(opt.lexicon, argv0);

  const unsigned threads =
      opt.threads > 0 ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  std::unique_ptr<Store> store;
  std::int64_t run = 0;
  if (!opt.db.empty()) {
    store = std::make_unique<Store>(opt.db);
    nlohmann::json options = {
        {"lang", opt.lexicon.lang}, {"packs", opt.lexicon.packs}, {"date_order", opt.date_order}};
    // Part of change detection: switching --keep-pii re-stores the rows with or without PII, and
    // rows stored before redaction existed are redacted on the next run.
    options["pii"] = opt.keep_pii ? "kept" : "redacted";
    nlohmann::json inputs = opt.files;
    run = store->begin_run({ASCOLTO_VERSION, inputs.dump(), lexicons->fingerprint, options.dump()});
    store->sync_themes(lexicons->taxonomy);
  }
  std::ofstream out_file;
  std::ostream* out = nullptr;
  if (opt.out == "-") {
    out = &std::cout;
  } else if (!opt.out.empty()) {
    out_file.open(opt.out, std::ios::binary | std::ios::trunc);
    if (!out_file) throw UsageError("cannot write '" + opt.out + "'");
    out = &out_file;
  }

  WriteCounts counts;
  std::map<std::string, std::int64_t> issue_kinds;  // written by the writer thread only
  Progress progress;
  ProblemLog problems;
  bool input_problems = false;
  nlohmann::json inputs_read = nlohmann::json::array();
  // Duplicate ids within this run: the store finds them in the database (memory stays flat);
  // without one, a set of key hashes does (8 to 16 bytes per row).
  SeenHashes keys_seen;
  const std::unique_ptr<Redactor> redactor = opt.keep_pii ? nullptr : std::make_unique<Redactor>();
  // The redactions counted are those of the comments; the raw record of a duplicate the store
  // rejects repeats a comment already counted.
  if (store && redactor) store->set_raw_filter([&](std::string& raw) { redactor->redact(raw); });
  PiiCounts redactions;
  const InterruptGuard interrupt_guard;
  bool interrupted = false;
  const auto stop_requested = [&] { return interrupted = interrupted || interrupt_requested(); };
  // Rejected rows keep their raw text, so it is redacted like a stored comment.
  const auto keep_reject = [&](std::vector<RejectedRow>& rejects, RejectedRow rejected) {
    if (redactor) redactions += redactor->redact(rejected.raw);
    problems.report(SourcePos{rejected.file, rejected.line, rejected.column}.str(), rejected.reason,
                    "rejected row");
    rejects.push_back(std::move(rejected));
  };

  std::string json_lines;
  // Runs on the writer thread, one batch at a time in input order.
  const auto write = [&](Batch& batch) {
    std::vector<std::size_t> duplicates;
    if (store) {
      duplicates = store->write_batch(run, batch.rows, batch.rejects, counts);
      for (const std::size_t i : duplicates) {
        const InputRow& row = batch.rows[i].row;
        problems.report(SourcePos{row.file, row.line, 0}.str(), duplicate_id_reason(row),
                        "rejected row");
      }
      for (const RejectedRow& u : batch.unreadable)
        store->reject_file(run, u.file, u.line, u.column, u.reason);
    }
    // Each kept row: its field problems (a duplicate id the store rejects is reported as that,
    // not also for the fields it would have stored) and its JSON line.
    json_lines.clear();
    auto next_duplicate = duplicates.begin();
    for (std::size_t i = 0; i < batch.rows.size(); ++i) {
      if (next_duplicate != duplicates.end() && *next_duplicate == i) {
        ++next_duplicate;
        continue;
      }
      const InputRow& row = batch.rows[i].row;
      for (const FieldIssue& issue : row.issues) {
        problems.report(SourcePos{row.file, row.line, issue.column}.str(), issue.reason, "field");
        ++issue_kinds[issue.field];
      }
      if (out) append_json_line(batch.rows[i], json_lines);
    }
    if (out) out->write(json_lines.data(), static_cast<std::streamsize>(json_lines.size()));
    if (!store) {
      counts.read += static_cast<std::int64_t>(batch.size());
      counts.added += static_cast<std::int64_t>(batch.rows.size());
      counts.rejected += static_cast<std::int64_t>(batch.rejects.size());
      for (const AnalysedRow& r : batch.rows)
        counts.field_issues += static_cast<std::int64_t>(r.row.issues.size());
    }
    progress.update(counts.read);
  };
  AnalysisPipeline pipeline(*lexicons, forced, threads, write, opt.timings);
  Batch batch;
  double read_seconds = 0;
  auto batch_start = Clock::now();
  // Batch boundaries: the one place where the reader hands work on.
  const auto submit = [&] {
    read_seconds += std::chrono::duration<double>(Clock::now() - batch_start).count();
    pipeline.submit(std::move(batch));
    batch = Batch();
    batch_start = Clock::now();
  };

  for (const std::string& file : opt.files) {
    if (stop_requested()) break;
    std::unique_ptr<SampledReader> reader;
    std::optional<RowMapper> mapper;
    try {
      reader = std::make_unique<SampledReader>(open_reader(file, reader_options));
      mapper.emplace(*reader, opt.columns, file == "-" ? "<stdin>" : file);
      // The columns used, and what is missing, before any row is read.
      std::cerr << (file == "-" ? "<stdin>" : file) << ": columns: " << mapper->mapping().describe()
                << "\n";
      for (const std::string& w : mapper->mapping().warnings)
        std::cerr << (file == "-" ? "<stdin>" : file) << ": warning: " << w << "\n";
    } catch (const InputError& e) {
      input_problems = true;
      problems.report(e.pos().str(), e.what() + e.pos().str().size() + 2, "skipped file");
      batch.unreadable.push_back({e.pos().file, e.pos().line, e.pos().column, e.what(), {}});
      submit();
      continue;
    }
    RawRecord rec;
    const std::string id_column = mapper->id_column();
    try {
      while (reader->next(rec)) {
        auto mapped = mapper->map(rec);
        if (auto* row = std::get_if<InputRow>(&mapped)) {
          if (!store && !keys_seen.insert(hash64(row->source_key))) {
            row->id_column = id_column;
            keep_reject(batch.rejects,
                        {row->file, row->line, 0, duplicate_id_reason(*row), rec.raw});
          } else {
            if (store) {
              row->raw = rec.raw;
              row->id_column = id_column;
            }
            if (redactor) redactions += redactor->redact(row->text);
            batch.rows.push_back({std::move(*row), {}});
          }
        } else {
          keep_reject(batch.rejects, std::move(std::get<RejectedRow>(mapped)));
        }
        if (batch.size() >= opt.batch_size) {
          submit();
          // Ctrl-C stops here, at a batch boundary: the batches in flight are written and
          // committed, and a re-run finishes the import.
          if (stop_requested()) break;
        }
      }
    } catch (const InputError& e) {
      // A read error mid-file: keep what was read, record the failure, go on with the next file.
      input_problems = true;
      problems.report(e.pos().str(), e.what(), "stopped reading");
      batch.unreadable.push_back({e.pos().file, e.pos().line, e.pos().column, e.what(), {}});
    }
    submit();
    inputs_read.push_back({{"path", file},
                           {"format", reader->describe()},
                           {"hash", reader->input_hash()},
                           {"columns",
                            {{"text", mapper->text_column()},
                             {"id", mapper->id_column()},
                             {"respondent", mapper->respondent_column()},
                             {"score", mapper->score_column()},
                             {"date", mapper->date_column()},
                             {"segments", mapper->segment_columns()}}}});
  }
  pipeline.finish();
  progress.update(counts.read, true);
  if (out) out->flush();
  nlohmann::json redactions_json;
  const std::string redactions_text = describe_redactions(redactions, redactions_json);
  const auto finish_start = Clock::now();
  if (store) {
    if (redactor) store->record_redactions(run, redactions_json.dump());
    store->finish_run(run, interrupted ? RunStatus::Interrupted : RunStatus::Completed,
                      inputs_read.dump());
  }
  const double finish_seconds = std::chrono::duration<double>(Clock::now() - finish_start).count();
  problems.finish();
  if (interrupted) std::cerr << "ascolto analyze: interrupted; re-run the same command to finish\n";

  std::cerr << "ascolto analyze: " << opt.files.size()
            << (opt.files.size() == 1 ? " file, " : " files, ") << counts.read
            << " rows read: " << counts.stored() << " stored";
  if (store) {
    std::cerr << " (" << counts.added << " new, " << counts.updated << " updated, "
              << counts.unchanged << " unchanged)";
  }
  std::cerr << ", " << counts.rejected << " rejected";
  std::cerr << "; " << threads << (threads == 1 ? " thread, " : " threads, ");
  std::fprintf(stderr, "%.2f s\n", progress.elapsed());
  if (counts.field_issues > 0) {
    std::cerr << "  stored with a field problem: " << counts.field_issues << " (";
    bool first = true;
    for (const auto& [kind, n] : issue_kinds) {
      std::cerr << (first ? "" : ", ") << kind << ": " << n;
      first = false;
    }
    std::cerr << ")\n";
  }
  if (!redactions_text.empty())
    std::cerr << "  personal data redacted: " << redactions.total() << " (" << redactions_text
              << ")\n";
  if (store) std::cerr << "  database: " << opt.db << " (run " << run << ")\n";
  if (opt.timings) print_timings(read_seconds, pipeline.times(), finish_seconds);
  if (interrupted) return kExitInterrupted;
  return (counts.rejected > 0 || input_problems) ? 1 : 0;
}

}  // namespace ascolto

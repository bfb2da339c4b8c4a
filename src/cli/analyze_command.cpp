#include "cli/analyze_command.h"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <unicode/ucnv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "analysis/pack_detect.h"
#include "analysis/pipeline.h"
#include "ascolto_config.h"
#include "cli/progress.h"
#include "cli/shared_options.h"
#include "common/error.h"
#include "import/comment_sample.h"
#include "import/importer.h"
#include "import/output_paths.h"
#include "import/sinks.h"
#include "io/open_reader.h"
#include "io/row_mapper.h"
#include "lexicon/lexicons.h"
#include "privacy/pseudonym.h"
#include "store/pseudonym_settings.h"

namespace ascolto {
namespace {

namespace po = boost::program_options;

constexpr int kExitInterrupted = 130;  // the shell's code for a command stopped by SIGINT
// Beyond these a value is a typo, not a plan: each worker holds lexicon iterators and a batch, and
// 2N+2 batches are in flight.
constexpr long long kMaxThreads = 256;
constexpr long long kMaxBatchSize = 1'000'000;

struct AnalyzeOptions {
  std::vector<std::string> files;
  std::string db, out, format = "auto", encoding, delimiter, sheet;
  std::string date_order = "auto";
  LexiconCliOptions lexicon;
  ColumnOptions columns;
  std::size_t skip_rows = 0;
  long long batch_size = 2000;  // signed, so that "-1" is refused, not wrapped
  long long threads = 0;
  bool timings = false;
  bool keep_pii = false;
  bool force = false;
  std::string survey;
  std::string part;
  std::size_t max_field_bytes = 1 << 20;
  std::string out_fields = "analysis";
  std::string pseudonym_key_file;
};

// An --encoding ICU cannot convert from is a usage error, said before any file is opened.
void check_encoding(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (converter != nullptr) ucnv_close(converter);
  if (U_FAILURE(status)) {
    throw UsageError("--encoding '" + name +
                     "' is not an encoding ICU knows (e.g. UTF-8, windows-1252, ISO-8859-15, "
                     "UTF-16LE)");
  }
}

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
      "from the values, else dmy)")("threads", po::value(&o.threads)->default_value(0),
                                    "analysis threads (0 = all cores)")(
      "batch-size", po::value(&o.batch_size)->default_value(2000), "rows per transaction")(
      "timings", po::bool_switch(&o.timings), "print seconds spent per stage to stderr")(
      "keep-pii", po::bool_switch(&o.keep_pii),
      "store comments as written (default: e-mails, phones, IBANs, cards, codici fiscali and "
      "partite IVA are replaced by [EMAIL], [PHONE], ...)")(
      "max-field-bytes", po::value(&o.max_field_bytes)->default_value(1 << 20),
      "longer fields are cut at a character boundary and flagged")(
      "survey", po::value(&o.survey),
      "survey or wave the files belong to: ids are unique within it (for exports whose ids "
      "restart at 1); stored as the segment 'survey'")(
      "force", po::bool_switch(&o.force), "re-analyse and re-store every row, changed or not")(
      "out-fields", po::value(&o.out_fields)->default_value("analysis"),
      "analysis, or all: --out lines also carry the input fields, the rejects and the run, so "
      "that `ascolto merge` can store them without analysing again")(
      "pseudonym-key", po::value(&o.pseudonym_key_file),
      "file holding the key (64 hex digits) of the pseudonyms of personal data in ids: give "
      "every part of a sharded run the same one (default: the database's own, else random)")(
      "part", po::value(&o.part),
      "K/N: analyse and store only the K-th of N equal runs of consecutive records (the input "
      "is counted, then read up to the part's end, so keys, lines and duplicates are a single "
      "run's); merge the N shards in part order");
  add_lexicon_options(desc, o.lexicon);
  if (!parse_with_positional(args, desc, "file", o.files)) {
    *help = true;
    return o;
  }
  if (o.files.empty()) throw UsageError("no input files (see --help)");
  if (o.db.empty() && o.out.empty())
    throw UsageError("nothing to write: give --db PATH and/or --out PATH");
  if (o.batch_size < 1 || o.batch_size > kMaxBatchSize) {
    throw UsageError("--batch-size must be between 1 and " + std::to_string(kMaxBatchSize) +
                     " (got " + std::to_string(o.batch_size) + ")");
  }
  if (o.threads < 0 || o.threads > kMaxThreads) {
    throw UsageError("--threads must be between 0 (all cores) and " + std::to_string(kMaxThreads) +
                     " (got " + std::to_string(o.threads) + ")");
  }
  if (!o.encoding.empty()) check_encoding(o.encoding);
  if (o.max_field_bytes < 16) throw UsageError("--max-field-bytes must be at least 16");
  if (o.out_fields != "analysis" && o.out_fields != "all")
    throw UsageError("--out-fields must be 'analysis' or 'all' (got '" + o.out_fields + "')");
  if (o.out_fields == "all" && o.out.empty()) throw UsageError("--out-fields all needs --out PATH");
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

// "email: 2, phone: 1" for the summary.
std::string describe_redactions(const PiiCounts& counts) {
  std::string text;
  for (std::size_t i = 0; i < kPiiKinds; ++i) {
    const auto kind = static_cast<PiiKind>(i);
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

  ImportOptions import;
  import.files = opt.files;
  import.reader.format = parse_input_format(opt.format, import.reader.csv);
  if (const char d = parse_delimiter_option(opt.delimiter); d != 0) import.reader.csv.delimiter = d;
  import.reader.csv.skip_rows = opt.skip_rows;
  import.reader.encoding = opt.encoding;
  import.reader.max_field_bytes = opt.max_field_bytes;
  import.reader.sheet = opt.sheet;
  import.columns = opt.columns;
  import.batch_size = static_cast<std::size_t>(opt.batch_size);
  import.forced_lang = parse_lang(opt.lexicon.lang);
  import.redact = !opt.keep_pii;
  import.timed = opt.timings;
  import.survey = opt.survey;
  if (!opt.part.empty()) {
    import.partition = parse_partition(opt.part);
    // Before a database is created: the importer refuses it too.
    if (std::find(opt.files.begin(), opt.files.end(), "-") != opt.files.end())
      throw UsageError("--part reads the input twice: give files, not '-'");
  }
  // --pack auto (the default): the packs that the first comments' vocabulary names.
  std::optional<PackDetection> detection;
  if (pack_choice(opt.lexicon) == PackChoice::Auto) {
    // Standard input too: what the sample reads of it is kept and read again by the import.
    if (std::find(opt.files.begin(), opt.files.end(), "-") != opt.files.end())
      import.reader.standard_input = std::make_shared<PeekableInput>(stdin, "<stdin>");
    detection = detect_packs(lexicon_dir(opt.lexicon, argv0),
                             sample_comments(import.files, import.reader, import.columns));
    std::cerr << "ascolto analyze: " << detection->summary() << "\n";
  }
  const auto lexicons = load_from_options(
      opt.lexicon, argv0, detection ? detection->chosen() : std::vector<std::string>{});
  const unsigned threads = opt.threads > 0 ? static_cast<unsigned>(opt.threads)
                                           : std::max(1u, std::thread::hardware_concurrency());
  import.threads = threads;

  // Before anything is opened for writing.
  refuse_clobbering(opt.files, opt.db, opt.out == "-" ? "" : opt.out);
  const std::string pseudonym_key = read_pseudonym_key(opt.pseudonym_key_file);
  std::unique_ptr<Store> store;
  if (!opt.db.empty()) {
    // A new database is built aside and renamed into place at the end (store/new_file.h).
    store = std::make_unique<Store>(opt.db, 5000, NewDatabase::BuildAside);
    if (!pseudonym_key.empty()) {
      adopt_pseudonym_key(store->db(), pseudonym_key);
    } else if (stored_pseudonym_key(store->db()).empty() &&
               !key_fingerprint_of(store->db(), "main").empty()) {
      // Merged from JSON lines: its ids were made with a key only their fingerprint names.
      throw UsageError(opt.db + " holds ids pseudonymized with the key " +
                       key_fingerprint_of(store->db(), "main") +
                       " (merged from JSON lines), which it does not hold: give it with "
                       "--pseudonym-key FILE");
    }
    // Ids with personal data get the same pseudonym on every run into this database.
    if (!opt.keep_pii) import.pseudonym_key_hex = store->pseudonym_key();
  } else if (!opt.keep_pii) {
    // Chosen here, so that the JSON lines' run header can name it.
    import.pseudonym_key_hex =
        pseudonym_key.empty() ? PseudonymKey::generate().hex() : pseudonym_key;
  }
  Importer importer(*lexicons, import);
  nlohmann::json options = {
      {"lang", opt.lexicon.lang}, {"packs", opt.lexicon.packs}, {"date_order", opt.date_order}};
  // Part of change detection: switching --keep-pii re-stores the rows with or without PII, and
  // rows stored before redaction existed are redacted on the next run.
  options["pii"] = opt.keep_pii ? "kept" : "redacted";
  if (detection) options["packs"] = detection->chosen();
  const std::string key_options = options.dump();
  if (detection) options["pack_detection"] = nlohmann::json::parse(detection->json());
  const RunInfo run_info{ASCOLTO_VERSION,       nlohmann::json(opt.files).dump(),
                         lexicons->fingerprint, options.dump(),
                         key_options,           opt.force};
  std::unique_ptr<StoreSink> store_sink;
  if (store) {
    store_sink = std::make_unique<StoreSink>(*store, run_info, lexicons->taxonomy);
    importer.add_sink(*store_sink);
  }
  nlohmann::json run_header;
  if (opt.out_fields == "all") {
    run_header =
        json_run_header(run_info, lexicons->taxonomy,
                        opt.keep_pii ? std::string() : key_fingerprint(import.pseudonym_key_hex));
  }
  std::ofstream out_file;
  std::unique_ptr<JsonLinesSink> json_sink;
  if (opt.out == "-") {
    json_sink = std::make_unique<JsonLinesSink>(std::cout, "<stdout>", run_header);
  } else if (!opt.out.empty()) {
    out_file.open(opt.out, std::ios::binary | std::ios::trunc);
    if (!out_file) {
      throw OutputError("cannot open '" + opt.out + "' for writing (" + std::strerror(errno) + ")");
    }
    json_sink = std::make_unique<JsonLinesSink>(out_file, opt.out, run_header);
  }
  if (json_sink) importer.add_sink(*json_sink);

  AnalyzeDisplay display;
  const ImportSummary summary = importer.run(display);
  display.finish();
  if (out_file.is_open()) {
    out_file.close();
    if (!out_file) throw OutputError(opt.out + ": closing the JSON lines failed");
  }
  const ImportCounts& counts = summary.counts;
  if (summary.interrupted)
    std::cerr << "ascolto analyze: interrupted; re-run the same command to finish\n";

  std::cerr << "ascolto analyze: " << opt.files.size()
            << (opt.files.size() == 1 ? " file, " : " files, ") << counts.read
            << " rows read: " << counts.stored << " stored";
  if (store_sink) {
    const WriteCounts& c = store_sink->counts();
    std::cerr << " (" << c.added << " new, " << c.updated << " updated, " << c.unchanged
              << " unchanged)";
  }
  std::cerr << ", " << counts.rejected << " rejected";
  std::cerr << "; " << threads << (threads == 1 ? " thread, " : " threads, ");
  std::fprintf(stderr, "%.2f s\n", display.elapsed());
  if (counts.field_issues > 0) {
    std::cerr << "  stored with a field problem: " << counts.field_issues << " (";
    bool first = true;
    for (const auto& [kind, n] : summary.field_issue_kinds) {
      std::cerr << (first ? "" : ", ") << kind << ": " << n;
      first = false;
    }
    std::cerr << ")\n";
  }
  if (const std::string redactions = describe_redactions(summary.redactions); !redactions.empty())
    std::cerr << "  personal data redacted: " << summary.redactions.total() << " (" << redactions
              << ")\n";
  if (store_sink) std::cerr << "  database: " << opt.db << " (run " << store_sink->run() << ")\n";
  if (opt.timings) print_timings(summary.read_seconds, summary.times, summary.finish_seconds);
  if (summary.interrupted) return kExitInterrupted;
  return (counts.rejected > 0 || summary.input_problems) ? 1 : 0;
}

}  // namespace ascolto

// The floors under Ascolto's throughput: what ICU's break iterators and SQLite's inserts cost by
// themselves on the same comments, next to Ascolto's own tokenizer and analysis, all in one
// process with no input parsing and no output. Reads the comments, segments and mentions of a
// database that `ascolto analyze` wrote, so every figure is on identical data:
//   build/bench/floor SOURCE.db [--repeat 3] [--lexicons DIR]
// Prints one line per case: comments, median seconds, comments/s and µs per comment.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/batch.h"
#include "analysis/sentiment.h"
#include "analysis/signals.h"
#include "ascolto_config.h"
#include "lexicon/lexicons.h"
#include "nps/nps.h"
#include "store/schema.h"
#include "store/store.h"
#include "text/language.h"
#include "text/tokenizer.h"

namespace {

using namespace ascolto;

// One stored response as `analyze` wrote it, to be written again: the row and analysis the
// writer gets, and the stored content hash (the writer derives its own).
struct Response {
  AnalysedRow row;
  std::string hash;
};

std::string text_or_empty(const SQLite::Column& c) {
  return c.isNull() ? std::string() : c.getString();
}

template <class E>
E enum_named(const std::string& name, const char* (*name_of)(E), int count) {
  for (int i = 0; i < count; ++i) {
    const char* n = name_of(static_cast<E>(i));
    if (n && name == n) return static_cast<E>(i);
  }
  return static_cast<E>(0);
}

std::vector<Response> read_responses(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::vector<Response> out;
  SQLite::Statement r(db,
                      "SELECT source_key, content_hash, source_file, source_line, respondent_id, "
                      "response_date, score, lang, text, sentences, sentiment, label, "
                      "churn_intent, repeat_contact, recommendation, source_id, input_hash "
                      "FROM responses ORDER BY id");
  while (r.executeStep()) {
    Response x;
    InputRow& in = x.row.row;
    Analysis& a = x.row.analysis;
    in.source_key = r.getColumn(0).getString();
    x.hash = r.getColumn(1).getString();
    in.file = r.getColumn(2).getString();
    in.line = static_cast<std::size_t>(r.getColumn(3).getInt64());
    in.respondent = text_or_empty(r.getColumn(4));
    if (!r.getColumn(5).isNull()) in.date = r.getColumn(5).getString();
    if (!r.getColumn(6).isNull()) in.score = r.getColumn(6).getInt();
    a.lang = parse_lang(r.getColumn(7).getString());
    in.text = r.getColumn(8).getString();
    a.sentences = static_cast<std::uint32_t>(r.getColumn(9).getInt());
    a.score = r.getColumn(10).getDouble();
    a.label = enum_named<SentimentLabel>(r.getColumn(11).getString(), label_name, 4);
    a.signals.churn_intent = r.getColumn(12).getInt() != 0;
    a.signals.repeat_contact = r.getColumn(13).getInt() != 0;
    a.signals.recommendation =
        enum_named<Recommendation>(text_or_empty(r.getColumn(14)), recommendation_name, 3);
    in.id = text_or_empty(r.getColumn(15));
    in.content_hash = text_or_empty(r.getColumn(16));
    out.push_back(std::move(x));
  }
  // Response ids are 1..N in file order when the database holds one import.
  SQLite::Statement s(db, "SELECT response_id, name, value FROM segments ORDER BY rowid");
  while (s.executeStep()) {
    out.at(static_cast<std::size_t>(s.getColumn(0).getInt64() - 1))
        .row.row.segments.emplace_back(s.getColumn(1).getString(), s.getColumn(2).getString());
  }
  SQLite::Statement m(db,
                      "SELECT response_id, theme, text, intent, sentence, start, \"end\", "
                      "sentiment FROM mentions ORDER BY id");
  while (m.executeStep()) {
    Mention x;
    x.theme = m.getColumn(1).getString();
    x.text = m.getColumn(2).getString();
    x.intent = enum_named<Intent>(m.getColumn(3).getString(), intent_name, 5);
    x.sentence = static_cast<std::uint32_t>(m.getColumn(4).getInt());
    x.start = static_cast<std::uint32_t>(m.getColumn(5).getInt());
    x.end = static_cast<std::uint32_t>(m.getColumn(6).getInt());
    x.sentiment = m.getColumn(7).getDouble();
    out.at(static_cast<std::size_t>(m.getColumn(0).getInt64() - 1))
        .row.analysis.mentions.push_back(std::move(x));
  }
  return out;
}

struct Seconds {
  double wall, cpu;
};

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// Median wall and CPU (user + system, all threads of the process) seconds of `repeat` runs.
Seconds median_seconds(int repeat, const std::function<void()>& fn) {
  std::vector<double> walls, cpus;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_now();
    fn();
    cpus.push_back(cpu_now() - c0);
    walls.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(walls.begin(), walls.end());
  std::sort(cpus.begin(), cpus.end());
  return {walls[walls.size() / 2], cpus[cpus.size() / 2]};
}

// Comments, then wall seconds, comments/s and µs per comment, then the same µs in CPU time.
Seconds report(const char* name, std::size_t n, Seconds s) {
  const double count = static_cast<double>(n);
  std::printf("%-44s %9zu %8.2f %11.0f %8.2f %8.2f\n", name, n, s.wall, count / s.wall,
              1e6 * s.wall / count, 1e6 * s.cpu / count);
  std::fflush(stdout);
  return s;
}

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// ICU's word (and sentence) break over each comment, as the tokenizer sets them up: one iterator
// per kind reused, UTF-8 UText, every boundary visited.
std::size_t icu_breaks(const std::vector<Response>& rows, bool sentences) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  std::unique_ptr<icu::BreakIterator> sents(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  std::unique_ptr<UText, UTextCloser> text;
  std::size_t boundaries = 0;
  for (const Response& r : rows) {
    const std::string& t = r.row.row.text;
    text.reset(utext_openUTF8(text.release(), t.data(), static_cast<int64_t>(t.size()), &status));
    words->setText(text.get(), status);
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
      boundaries += static_cast<std::size_t>(words->getRuleStatus() >= UBRK_WORD_NUMBER);
    }
    if (!sentences) continue;
    sents->setText(text.get(), status);
    for (int32_t b = sents->first(); b != icu::BreakIterator::DONE; b = sents->next()) ++boundaries;
  }
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  return boundaries;
}

// A what-if data model: segments clustered on their key (no rowid B-tree), theme ids as integers.
constexpr const char* kLeanTables = R"sql(
DROP TABLE segments;
DROP TABLE mentions;
CREATE TABLE segments (response_id INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
                       PRIMARY KEY (response_id, name)) WITHOUT ROWID;
CREATE TABLE mentions (id INTEGER PRIMARY KEY, response_id INTEGER NOT NULL,
                       theme INTEGER NOT NULL, sentence INTEGER NOT NULL, start INTEGER NOT NULL,
                       "end" INTEGER NOT NULL, text TEXT NOT NULL, sentiment REAL NOT NULL,
                       intent TEXT NOT NULL);
)sql";

// SQLite's own cost for Ascolto's rows: a fresh database with Ascolto's schema and the store's
// pragmas, secondary indexes built once at the end, one transaction per 5,000 responses,
// prepared single-row INSERTs of the very values the writer stores, nothing else.
void sqlite_insert(const std::vector<Response>& rows, const std::string& path, bool lean) {
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  configure_writer(db);
  migrate(db);
  drop_deferred_indexes(db);
  if (lean) db.exec(kLeanTables);
  db.exec(
      "INSERT INTO runs (started_at, status, tool_version, inputs, lexicon_hash, options) "
      "VALUES ('', 'running', '', '[]', '', '{}')");
  SQLite::Statement response(
      db,
      "INSERT INTO responses (source_key, content_hash, run_id, source_file, source_line, "
      "respondent_id, response_date, score, band, lang, text, sentences, sentiment, label, "
      "churn_intent, repeat_contact, recommendation, source_id, input_hash) VALUES "
      "(?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  SQLite::Statement segment(db, "INSERT INTO segments VALUES (?, ?, ?)");
  SQLite::Statement mention(db,
                            "INSERT INTO mentions (response_id, theme, sentence, start, \"end\", "
                            "text, sentiment, intent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const auto text_or_null = [](SQLite::Statement& st, int i, const std::string& v) {
    if (v.empty()) {
      st.bind(i);
    } else {
      st.bindNoCopy(i, v);
    }
  };
  std::unique_ptr<SQLite::Transaction> tx;
  std::size_t n = 0;
  for (const Response& x : rows) {
    const InputRow& r = x.row.row;
    const Analysis& a = x.row.analysis;
    if (!tx) tx = std::make_unique<SQLite::Transaction>(db);
    response.bindNoCopy(1, r.source_key);
    response.bindNoCopy(2, x.hash);
    response.bindNoCopy(3, r.file);
    response.bind(4, static_cast<std::int64_t>(r.line));
    text_or_null(response, 5, r.respondent);
    text_or_null(response, 6, r.date ? *r.date : std::string());
    if (r.score) {
      response.bind(7, *r.score);
      response.bindNoCopy(8, band_name(band_of(*r.score)));
    } else {
      response.bind(7);
      response.bind(8);
    }
    response.bindNoCopy(9, lang_code(a.lang));
    response.bindNoCopy(10, r.text);
    response.bind(11, static_cast<std::int64_t>(a.sentences));
    response.bind(12, a.score);
    response.bindNoCopy(13, label_name(a.label));
    response.bind(14, a.signals.churn_intent ? 1 : 0);
    response.bind(15, a.signals.repeat_contact ? 1 : 0);
    if (const char* rec = recommendation_name(a.signals.recommendation)) {
      response.bindNoCopy(16, rec);
    } else {
      response.bind(16);
    }
    text_or_null(response, 17, r.id);
    response.bindNoCopy(18, r.content_hash);
    response.exec();
    response.reset();
    const std::int64_t id = db.getLastInsertRowid();
    for (const auto& [name, value] : r.segments) {
      segment.bind(1, id);
      segment.bindNoCopy(2, name);
      segment.bindNoCopy(3, value);
      segment.exec();
      segment.reset();
    }
    for (const Mention& m : a.mentions) {
      mention.bind(1, id);
      if (lean) {  // a stand-in integer id: only the cost of storing one is measured
        mention.bind(2, static_cast<int>(std::hash<std::string>{}(m.theme) % 512));
      } else {
        mention.bindNoCopy(2, m.theme);
      }
      mention.bind(3, static_cast<std::int64_t>(m.sentence));
      mention.bind(4, static_cast<std::int64_t>(m.start));
      mention.bind(5, static_cast<std::int64_t>(m.end));
      mention.bindNoCopy(6, m.text);
      mention.bind(7, m.sentiment);
      mention.bindNoCopy(8, intent_name(m.intent));
      mention.exec();
      mention.reset();
    }
    if (++n % 5000 == 0) {
      tx->commit();
      tx.reset();
    }
  }
  if (tx) tx->commit();
  create_deferred_indexes(db);
}

// Ascolto's own writer on the same rows, as `analyze` drives it: a run, batches of `batch`
// responses through Store::write_batch, finish_run (which builds the deferred indexes).
void store_write(const std::vector<Response>& rows, const std::string& path, std::size_t batch,
                 NewDatabase mode) {
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  Store store(path, 5000, mode);
  const std::int64_t run = store.begin_run({"floor", "[]", "lexicons", "{}", "", false});
  WriteCounts counts;
  std::vector<AnalysedRow> chunk;
  for (std::size_t i = 0; i < rows.size(); i += batch) {
    chunk.clear();
    for (std::size_t j = i; j < std::min(rows.size(), i + batch); ++j) chunk.push_back(rows[j].row);
    store.write_batch(run, chunk, {}, counts);
  }
  store.finish_run(run, RunStatus::Completed, "[]");
}

}  // namespace

int main(int argc, char** argv) try {
  std::string source, lexicon_dir = ASCOLTO_SOURCE_LEXICONS;
  int repeat = 3;
  bool store_only = false;
  std::string store_case;  // one of floor, writer, aside (for a profiler); empty: all
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::stoi(argv[++i]);
    } else if (a == "--store-only") {
      store_only = true;
    } else if (a == "--store-case" && i + 1 < argc) {
      store_only = true;
      store_case = argv[++i];
    } else if (a == "--lexicons" && i + 1 < argc) {
      lexicon_dir = argv[++i];
    } else {
      source = a;
    }
  }
  if (source.empty()) {
    std::fprintf(stderr, "usage: floor SOURCE.db [--repeat N] [--lexicons DIR] [--store-only]\n");
    return 2;
  }
  const std::vector<Response> rows = read_responses(source);
  const std::size_t n = rows.size();
  std::printf("# floor  source=%s  repeat=%d  (median seconds)\n", source.c_str(), repeat);
  std::printf("%-44s %9s %8s %11s %8s %8s\n", "case", "comments", "seconds", "comments/s",
              "us/comm", "cpu_us");

  std::size_t sink = 0;  // results are used, so nothing is optimised away
  const std::string out = (std::filesystem::temp_directory_path() / "ascolto-floor.db").string();
  if (!store_only) {
    report("icu word break", n, median_seconds(repeat, [&] { sink += icu_breaks(rows, false); }));
    report("icu word + sentence break", n,
           median_seconds(repeat, [&] { sink += icu_breaks(rows, true); }));
    Tokenizer tokenizer;
    TokenizedText tokens;
    report("ascolto tokenize", n, median_seconds(repeat, [&] {
             for (const Response& r : rows) {
               tokenizer.tokenize(r.row.row.text, tokens);
               sink += tokens.tokens.size();
             }
           }));
    const auto lexicons = load_lexicons({.dir = lexicon_dir});
    Analyzer analyzer(*lexicons, Lang::Und);
    report("ascolto analysis (1 thread, no I/O)", n, median_seconds(repeat, [&] {
             for (const Response& r : rows)
               sink += analyzer.analyze(r.row.row.text).mentions.size();
           }));
    report("sqlite insert, lean what-if schema", n,
           median_seconds(repeat, [&] { sqlite_insert(rows, out, true); }));
  }
  // The writer against SQLite alone, then the writer into a new database built aside.
  const auto wanted = [&](const char* name) { return store_case.empty() || store_case == name; };
  Seconds floor{}, writer{};
  if (wanted("floor")) {
    floor = report("sqlite insert, ascolto schema", n,
                   median_seconds(repeat, [&] { sqlite_insert(rows, out, false); }));
  }
  if (wanted("writer")) {
    writer =
        report("ascolto writer (Store, batches of 2000)", n,
               median_seconds(repeat, [&] { store_write(rows, out, 2000, NewDatabase::InPlace); }));
  }
  if (store_case.empty()) {
    std::printf("# writer / floor: %.3f CPU, %.3f wall\n", writer.cpu / floor.cpu,
                writer.wall / floor.wall);
  }
  if (wanted("aside")) {
    report("ascolto writer, new database built aside", n,
           median_seconds(repeat, [&] { store_write(rows, out, 2000, NewDatabase::BuildAside); }));
  }
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(out + ext);
  std::printf("# checksum %zu\n", sink);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "floor: %s\n", e.what());
  return 1;
}

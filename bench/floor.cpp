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
#include "ascolto_config.h"
#include "lexicon/lexicons.h"
#include "store/schema.h"
#include "text/tokenizer.h"

namespace {

using namespace ascolto;

struct Mention {
  std::string theme, text, intent;
  int sentence, start, end;
  double sentiment;
};

// One stored response as `analyze` wrote it, to be written again.
struct Response {
  std::string key, hash, date, band, lang, text, label;
  int score;
  double sentiment;
  std::vector<std::pair<std::string, std::string>> segments;
  std::vector<Mention> mentions;
};

std::string text_or_empty(const SQLite::Column& c) {
  return c.isNull() ? std::string() : c.getString();
}

std::vector<Response> read_responses(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::vector<Response> out;
  SQLite::Statement r(db,
                      "SELECT source_key, content_hash, response_date, coalesce(score, -1), band, "
                      "lang, text, sentiment, label FROM responses ORDER BY id");
  while (r.executeStep()) {
    out.push_back({r.getColumn(0).getString(),
                   r.getColumn(1).getString(),
                   text_or_empty(r.getColumn(2)),
                   text_or_empty(r.getColumn(4)),
                   r.getColumn(5).getString(),
                   r.getColumn(6).getString(),
                   r.getColumn(8).getString(),
                   r.getColumn(3).getInt(),
                   r.getColumn(7).getDouble(),
                   {},
                   {}});
  }
  // Response ids are 1..N in file order when the database holds one import.
  SQLite::Statement s(db, "SELECT response_id, name, value FROM segments");
  while (s.executeStep()) {
    out.at(static_cast<std::size_t>(s.getColumn(0).getInt64() - 1))
        .segments.emplace_back(s.getColumn(1).getString(), s.getColumn(2).getString());
  }
  SQLite::Statement m(db,
                      "SELECT response_id, theme, text, intent, sentence, start, \"end\", "
                      "sentiment FROM mentions ORDER BY id");
  while (m.executeStep()) {
    out.at(static_cast<std::size_t>(m.getColumn(0).getInt64() - 1))
        .mentions.push_back({m.getColumn(1).getString(), m.getColumn(2).getString(),
                             m.getColumn(3).getString(), m.getColumn(4).getInt(),
                             m.getColumn(5).getInt(), m.getColumn(6).getInt(),
                             m.getColumn(7).getDouble()});
  }
  return out;
}

// Median wall seconds of `repeat` runs of `fn`.
double median_seconds(int repeat, const std::function<void()>& fn) {
  std::vector<double> runs;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

void report(const char* name, std::size_t n, double seconds) {
  std::printf("%-44s %9zu %8.2f %11.0f %8.2f\n", name, n, seconds, static_cast<double>(n) / seconds,
              1e6 * seconds / static_cast<double>(n));
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
    text.reset(utext_openUTF8(text.release(), r.text.data(), static_cast<int64_t>(r.text.size()),
                              &status));
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
// prepared single-row INSERTs, nothing else.
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
      "response_date, score, band, lang, text, sentences, sentiment, label, source_id) VALUES "
      "(?1, ?2, 1, 'bench.csv', ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10, ?11)");
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
  int line = 1;
  for (const Response& r : rows) {
    if (!tx) tx = std::make_unique<SQLite::Transaction>(db);
    response.bindNoCopy(1, r.key);
    response.bindNoCopy(2, r.hash);
    response.bind(3, ++line);
    text_or_null(response, 4, r.date);
    if (r.score < 0) {
      response.bind(5);
    } else {
      response.bind(5, r.score);
    }
    text_or_null(response, 6, r.band);
    response.bindNoCopy(7, r.lang);
    response.bindNoCopy(8, r.text);
    response.bind(9, r.sentiment);
    response.bindNoCopy(10, r.label);
    response.bindNoCopy(11, r.key);
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
    for (const Mention& m : r.mentions) {
      mention.bind(1, id);
      if (lean) {  // a stand-in integer id: only the cost of storing one is measured
        mention.bind(2, static_cast<int>(std::hash<std::string>{}(m.theme) % 512));
      } else {
        mention.bindNoCopy(2, m.theme);
      }
      mention.bind(3, m.sentence);
      mention.bind(4, m.start);
      mention.bind(5, m.end);
      mention.bindNoCopy(6, m.text);
      mention.bind(7, m.sentiment);
      mention.bindNoCopy(8, m.intent);
      mention.exec();
      mention.reset();
    }
    if (line % 5000 == 0) {
      tx->commit();
      tx.reset();
    }
  }
  if (tx) tx->commit();
  create_deferred_indexes(db);
}

}  // namespace

int main(int argc, char** argv) try {
  std::string source, lexicon_dir = ASCOLTO_SOURCE_LEXICONS;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::stoi(argv[++i]);
    } else if (a == "--lexicons" && i + 1 < argc) {
      lexicon_dir = argv[++i];
    } else {
      source = a;
    }
  }
  if (source.empty()) {
    std::fprintf(stderr, "usage: floor SOURCE.db [--repeat N] [--lexicons DIR]\n");
    return 2;
  }
  const std::vector<Response> rows = read_responses(source);
  const std::size_t n = rows.size();
  std::printf("# floor  source=%s  repeat=%d  (median seconds)\n", source.c_str(), repeat);
  std::printf("%-44s %9s %8s %11s %8s\n", "case", "comments", "seconds", "comments/s", "us/comm");

  std::size_t sink = 0;  // results are used, so nothing is optimised away
  report("icu word break", n, median_seconds(repeat, [&] { sink += icu_breaks(rows, false); }));
  report("icu word + sentence break", n,
         median_seconds(repeat, [&] { sink += icu_breaks(rows, true); }));
  Tokenizer tokenizer;
  TokenizedText tokens;
  report("ascolto tokenize", n, median_seconds(repeat, [&] {
           for (const Response& r : rows) {
             tokenizer.tokenize(r.text, tokens);
             sink += tokens.tokens.size();
           }
         }));
  const auto lexicons = load_lexicons({.dir = lexicon_dir});
  Analyzer analyzer(*lexicons, Lang::Und);
  report("ascolto analysis (1 thread, no I/O)", n, median_seconds(repeat, [&] {
           for (const Response& r : rows) sink += analyzer.analyze(r.text).mentions.size();
         }));
  const std::string out = (std::filesystem::temp_directory_path() / "ascolto-floor.db").string();
  report("sqlite insert, ascolto schema", n,
         median_seconds(repeat, [&] { sqlite_insert(rows, out, false); }));
  report("sqlite insert, lean what-if schema", n,
         median_seconds(repeat, [&] { sqlite_insert(rows, out, true); }));
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(out + ext);
  std::printf("# checksum %zu\n", sink);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "floor: %s\n", e.what());
  return 1;
}

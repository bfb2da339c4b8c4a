// The import library driven directly (no binary): counts, duplicate ids, redaction before the
// sinks, both sinks fed the same rows, Ctrl-C.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/interrupt.h"
#include "export_fixture.h"
#include "import/importer.h"
#include "import/output_paths.h"
#include "import/sinks.h"
#include "store_compare.h"

using namespace ascolto;
using testing::count_of;
using testing::DbImport;
using testing::fresh_db;
using testing::import_into_db;
using testing::import_options;
using testing::kTestRun;
using testing::scratch;
using testing::string_of;
using testing::write_file;
using Recorder = testing::ProblemLog;
namespace fs = std::filesystem;

namespace {

// Imports `rows` rows "I,COMMENT I" from the file `csv` into `db` in batches of 2, Ctrl-C arriving
// with the first progress report (the first batch written); the request is cleared after.
ImportSummary import_ctrl_c(const std::string& db, const std::string& csv,
                            const std::string& comment, int rows) {
  std::string content = "id,comment\n";
  for (int i = 0; i < rows; ++i)
    content += std::to_string(i) + "," + comment + std::to_string(i) + "\n";
  struct StopAtFirstProgress : Recorder {
    void progress(const ImportProgress& p) override {
      Recorder::progress(p);
      set_interrupt_requested(true);
    }
  } seen;
  try {
    const ImportSummary s =
        import_into_db(db, import_options({write_file(csv, content)}), seen).summary;
    set_interrupt_requested(false);
    return s;
  } catch (...) {
    set_interrupt_requested(false);
    throw;
  }
}

struct JsonImport {
  ImportSummary summary;
  WriteCounts written;  // by the database's sink
  std::string lines;    // the JSON lines
  Recorder seen;
};

// An import of `csv` into JSON lines and, unless `db` is "", into the database `db` first.
JsonImport import_with_json(const std::string& db, const std::string& csv) {
  JsonImport r;
  std::ostringstream out;
  JsonLinesSink json(out, "<memory>");
  if (db.empty()) {
    Importer importer(testing::shipped(), import_options({csv}));
    importer.add_sink(json);
    r.summary = importer.run(r.seen);
  } else {
    const DbImport done = import_into_db(db, import_options({csv}), r.seen, kTestRun, &json);
    r.summary = done.summary;
    r.written = done.written;
  }
  r.lines = out.str();
  return r;
}

std::size_t lines_in(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("import: rows read = stored + rejected; both sinks get the same rows, in order") {
  const std::string csv = write_file(
      "basic.csv",
      "id,score,date,store,comment\n1,9,2026-03-01,Milano,Ottimo servizio\n"
      "2,3,2026-03-02,Roma,Consegna in ritardo\n3,\"unterminated\n4,dieci,2026-03-04,Roma,Bene\n"
      "5,7,2026-03-05,Milano,Tutto ok\n");
  const std::string db = fresh_db("basic.db");
  const JsonImport done = import_with_json(db, csv);
  const ImportSummary& s = done.summary;
  const Recorder& seen = done.seen;
  CHECK(s.counts.read == s.counts.stored + s.counts.rejected);
  CHECK(s.counts.stored == count_of(db, "SELECT count(*) FROM responses"));
  CHECK(s.counts.rejected == count_of(db, "SELECT count(*) FROM rejects WHERE severity = 'row'"));
  CHECK(static_cast<std::int64_t>(lines_in(done.lines)) == s.counts.stored);
  CHECK(done.written.added == s.counts.stored);
  CHECK(s.counts.field_issues == 1);  // score 'dieci'
  CHECK(s.field_issue_kinds.at("score") == 1);
  CHECK(seen.has("field: score 'dieci'"));
  CHECK(string_of(db, "SELECT status FROM runs") == "completed");
  CHECK(s.inputs.size() == 1);
  CHECK(s.inputs[0]["columns"]["score"] == "score");
  CHECK(!seen.progress_seen.empty());
  CHECK(seen.progress_seen.back().rows == s.counts.read);
}

TEST_CASE("import: a duplicate id is rejected once, with or without a database, redacted") {
  const std::string csv =
      write_file("dup.csv",
                 "id,score,comment\nD1,9,ottimo\nD2,3,pessimo\nD1,dieci,di nuovo io: "
                 "mario@example.com\nD2,4,ancora\n");
  for (const bool with_db : {true, false}) {
    CAPTURE(with_db);
    const std::string db = fresh_db("dup.db");
    const JsonImport done = import_with_json(with_db ? db : "", csv);
    const ImportSummary& s = done.summary;
    const Recorder& seen = done.seen;
    CHECK(s.counts.read == 4);
    CHECK(s.counts.stored == 2);
    CHECK(s.counts.rejected == 2);
    CHECK(lines_in(done.lines) == 2);
    CHECK(seen.has(":4: rejected row: duplicate id 'D1' in column 'id'"));
    // Reported as a duplicate, not also for the score it would have stored.
    CHECK(!seen.has(":4:2"));
    CHECK(s.redactions.total() == 1);
    if (with_db) {
      CHECK(string_of(db, "SELECT text FROM responses WHERE source_id = 'D1'") == "ottimo");
      CHECK(string_of(db, "SELECT raw FROM rejects WHERE line = 4") ==
            "D1,dieci,di nuovo io: [EMAIL]");
      CHECK(count_of(db, "SELECT rows_read - rows_new - rows_rejected FROM runs") == 0);
    }
  }
}

TEST_CASE("import: comments reach the sinks redacted; --keep-pii keeps them") {
  const std::string csv =
      write_file("pii.csv", "id,comment\n1,scrivetemi a mario.rossi@example.com grazie\n");
  for (const bool redact : {true, false}) {
    ImportOptions o = import_options({csv});
    o.redact = redact;
    const std::string db = fresh_db("pii.db");
    const ImportSummary s = import_into_db(db, o).summary;
    const std::string text = string_of(db, "SELECT text FROM responses");
    CHECK((text.find("[EMAIL]") != std::string::npos) == redact);
    CHECK(s.redactions.total() == (redact ? 1 : 0));
    CHECK(count_of(db, "SELECT pii_redactions IS NOT NULL FROM runs") == redact);
  }
}

TEST_CASE("import: an unreadable file is skipped and recorded; the next one is read") {
  const std::string good = write_file("good.csv", "comment\nbene\n");
  const std::string db = fresh_db("skip.db");
  Recorder seen;
  const ImportSummary s =
      import_into_db(db, import_options({scratch("missing.csv").string(), good}), seen).summary;
  CHECK(s.input_problems);
  CHECK(s.counts.stored == 1);
  CHECK(seen.has("skipped file"));
  CHECK(count_of(db, "SELECT count(*) FROM rejects WHERE severity = 'file'") == 1);
}

TEST_CASE("import: Ctrl-C stops at a batch boundary; the run is recorded interrupted") {
  const std::string db = fresh_db("stop.db");
  const ImportSummary s = import_ctrl_c(db, "stop.csv", "commento numero ", 50);
  CHECK(s.interrupted);
  CHECK(s.counts.read < 50);
  CHECK(s.counts.read == s.counts.stored + s.counts.rejected);
  CHECK(count_of(db, "SELECT count(*) FROM responses") == s.counts.stored);
  CHECK(string_of(db, "SELECT status FROM runs") == "interrupted");
}

TEST_CASE("import: Ctrl-C after the reader reached the end stops after the current batch") {
  // 12 rows in batches of 2 with 2 workers: all 6 batches fit in flight, so the reader is done
  // before the first is written; the stop must still come after that batch.
  const std::string db = fresh_db("stop-eof.db");
  const ImportSummary s = import_ctrl_c(db, "stop-eof.csv", "commento ", 12);
  CHECK(s.interrupted);
  CHECK(s.counts.read == 2);
  CHECK(count_of(db, "SELECT count(*) FROM responses") == 2);
  CHECK(string_of(db, "SELECT status FROM runs") == "interrupted");
}

TEST_CASE("import: personal data in ids, respondents, segments and field problems is redacted") {
  const std::string csv = write_file(
      "pii-fields.csv",
      "id,customer_id,store,date,comment\nmario@example.com,m.bianchi@example.net,Milano,chiamami "
      "3331234567,bene\nluigi@example.com,,giulia@example.org 3331234567,2026-03-01,ok\n");
  const std::string db = fresh_db("pii-fields.db");
  const JsonImport done = import_with_json(db, csv);
  const ImportSummary& s = done.summary;
  CHECK(s.counts.stored == 2);  // two redacted ids stay two responses
  for (const char* sql :
       {"SELECT group_concat(source_id || source_key || coalesce(respondent_id, '')) FROM "
        "responses",
        "SELECT group_concat(value) FROM segments", "SELECT group_concat(reason) FROM rejects"}) {
    const std::string stored = string_of(db, sql);
    CAPTURE(stored);
    CHECK(stored.find("@example") == std::string::npos);
    CHECK(stored.find("3331234567") == std::string::npos);
  }
  CHECK(string_of(db, "SELECT reason FROM rejects WHERE severity = 'field'").find("[PHONE]") !=
        std::string::npos);
  CHECK(done.lines.find("@example") == std::string::npos);
  CHECK(done.lines.find("3331234567") == std::string::npos);
  for (const auto& p : done.seen.problems) CHECK(p.find("3331234567") == std::string::npos);
  CHECK(s.redactions[PiiKind::Email] == 4);
}

TEST_CASE("import: a JSON-lines write that fails is an OutputError naming the output") {
  const std::string csv = write_file("full.csv", "comment\nbene\nmale\n");
  std::ofstream full("/dev/full", std::ios::binary);
  REQUIRE(full.is_open());
  JsonLinesSink json(full, "/dev/full");
  Importer importer(testing::shipped(), import_options({csv}));
  importer.add_sink(json);
  Recorder seen;
  CHECK_THROWS_WITH_AS(importer.run(seen), doctest::Contains("/dev/full"), OutputError);
}

TEST_CASE("import: an output that is an input or the database is refused, whatever its spelling") {
  const std::string csv = write_file("victim.csv", "comment\nbene\n");
  const std::string db = fresh_db("victim.db");
  { Store create(db); }
  const std::string other_spelling = (fs::path(csv).parent_path() / "." / "victim.csv").string();
  CHECK_THROWS_AS(refuse_clobbering({csv}, "", other_spelling), OutputError);
  CHECK_THROWS_AS(refuse_clobbering({csv}, other_spelling, ""), OutputError);
  CHECK_THROWS_AS(refuse_clobbering({csv}, db, db), OutputError);
  fs::remove(scratch("victim-link.csv"));
  fs::create_symlink(csv, scratch("victim-link.csv"));
  CHECK_THROWS_AS(refuse_clobbering({scratch("victim-link.csv").string()}, "", csv), OutputError);
  CHECK_NOTHROW(refuse_clobbering({csv, "-"}, db, scratch("new.jsonl").string()));
  CHECK_NOTHROW(refuse_clobbering({"-"}, "", "-"));
  CHECK(fs::file_size(csv) > 0);
}

namespace {

// One import of `files` into `db`, as `analyze --db` does.
DbImport import_into(const std::string& db, const std::vector<std::string>& files,
                     ImportOptions o = {}, bool force = false) {
  o.files = files;
  o.threads = 1;
  RunInfo run = kTestRun;
  run.force = force;
  return import_into_db(db, o, run);
}

}  // namespace

TEST_CASE("import: monthly exports whose ids restart at 1 never replace each other") {
  const std::string jan = write_file("2026-01.csv",
                                     "id,score,comment\n1,9,Gennaio ottimo\n2,3,"
                                     "Gennaio pessimo\n");
  const std::string feb = write_file("2026-02.csv",
                                     "id,score,comment\n1,2,Febbraio lento\n2,10,"
                                     "Febbraio perfetto\n");
  const std::string db = fresh_db("waves.db");
  CHECK(import_into(db, {jan}).summary.counts.stored == 2);
  const ImportSummary second = import_into(db, {feb}).summary;
  CHECK(second.counts.stored == 0);
  CHECK(second.counts.rejected == 2);  // exit 1
  CHECK(count_of(db, "SELECT count(*) FROM responses WHERE text LIKE 'Gennaio%'") == 2);
  const std::string reason =
      string_of(db, "SELECT reason FROM rejects WHERE file LIKE '%2026-02.csv' LIMIT 1");
  CHECK(reason.find("id '1' is already stored from ") != std::string::npos);
  CHECK(reason.find("2026-01.csv:2") != std::string::npos);
  CHECK(reason.find("--survey") != std::string::npos);
  // Each wave under its own survey: both kept.
  const std::string scoped = fresh_db("waves-scoped.db");
  ImportOptions o;
  o.survey = "2026-01";
  CHECK(import_into(scoped, {jan}, o).summary.counts.stored == 2);
  o.survey = "2026-02";
  const ImportSummary scoped_second = import_into(scoped, {feb}, o).summary;
  CHECK(scoped_second.counts.stored == 2);
  CHECK(scoped_second.counts.rejected == 0);
  CHECK(count_of(scoped, "SELECT count(*) FROM responses") == 4);
  CHECK(count_of(scoped, "SELECT count(DISTINCT value) FROM segments WHERE name = 'survey'") == 2);
}

TEST_CASE("import: a cumulative export of the same survey stays idempotent") {
  const std::string jan = write_file("cumul-jan.csv", "id,score,comment\n1,9,Ottimo\n2,3,Lento\n");
  const std::string both = write_file(
      "cumul-jan-feb.csv", "id,score,comment\n1,9,Ottimo\n2,3,Lento\n3,8,Buono\n4,6,Così così\n");
  const std::string db = fresh_db("cumul.db");
  import_into(db, {jan});
  const DbImport again = import_into(db, {both});
  CHECK(again.summary.counts.rejected == 0);
  const WriteCounts& c = again.written;
  CHECK(c.unchanged == 2);
  CHECK(c.added == 2);
}

TEST_CASE("import: naming a column the first run missed updates the rows; --force rewrites all") {
  // Two unnamed 0-10 columns: the import guesses neither, so the first run has no score.
  const std::string csv =
      write_file("late-score.csv",
                 "id,voto_finale,altro,quando,comment\n1,9,4,2026-03-01,Ottimo\n"
                 "2,3,7,2026-03-02,Lento\n");
  const std::string db = fresh_db("late-score.db");
  import_into(db, {csv});
  CHECK(count_of(db, "SELECT count(*) FROM responses WHERE score IS NULL") == 2);
  ImportOptions o;
  o.columns.score_col = "voto_finale";
  o.columns.date_col = "quando";
  CHECK(import_into(db, {csv}, o).written.updated == 2);
  CHECK(count_of(db, "SELECT count(*) FROM responses WHERE score IS NULL") == 0);
  CHECK(count_of(db, "SELECT count(*) FROM responses WHERE response_date IS NULL") == 0);
  CHECK(import_into(db, {csv}, o).written.unchanged == 2);
  CHECK(import_into(db, {csv}, o, true).written.updated == 2);
}

TEST_CASE("import: progress counts the bytes of every input against their total size") {
  std::string a = "id,comment\n", b = "id,comment\n";
  for (int i = 0; i < 40; ++i) a += "a" + std::to_string(i) + ",commento abbastanza lungo\n";
  for (int i = 0; i < 40; ++i) b += "b" + std::to_string(i) + ",un altro commento\n";
  const std::string fa = write_file("progress-a.csv", a), fb = write_file("progress-b.csv", b);
  Recorder seen;
  import_into_db(fresh_db("progress.db"), import_options({fa, fb}), seen);
  REQUIRE(seen.progress_seen.size() >= 2);
  const ImportProgress& reading = seen.progress_seen[seen.progress_seen.size() - 2];
  CHECK(reading.bytes_total == a.size() + b.size());
  CHECK(reading.bytes_read == a.size() + b.size());  // '\n' line ends: exact
  CHECK(seen.progress_seen[0].bytes_read < reading.bytes_read);
  CHECK(std::string(seen.progress_seen.back().phase) == "building indexes");

  ImportProgress p;
  p.rows = 500;
  p.bytes_read = 250;
  p.bytes_total = 1000;
  CHECK(describe_progress(p, 10.0) == "500 rows  50 rows/s  25% read, about 30 s left");
  p.phase = "building indexes";
  CHECK(describe_progress(p, 12.0) == "500 rows read; building indexes... (12.0 s elapsed)");
  p = ImportProgress();
  p.rows = 10;
  CHECK(describe_progress(p, 2.0) == "10 rows  5 rows/s  2.0 s elapsed");
}

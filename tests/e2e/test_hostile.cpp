// End-to-end: the hostile-input catalogue (tests/data/hostile/ plus inputs too big to commit,
// generated here), personal-data redaction, resource limits, Ctrl-C and SIGKILL at random points.
// Each case checks the exact outcome: the message with file:line:column, the row stored or kept
// in `rejects` with its reason, and counts that add up.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "cli.h"
#include "store/schema.h"
#include "store/store.h"

using namespace ascolto::testing;

namespace {

std::string hostile(const std::string& name) {
  return data("hostile/" + name);
}

struct Analyzed {
  Result result;
  std::string db;
};

Analyzed analyze(const std::string& name, const std::string& options = "") {
  const std::string db = fresh_db(name + ".db");
  return {run_cli("analyze " + hostile(name) + " --db " + db + " " + options), db};
}

// An export of `rows` rows with ids K0..K<rows-1>, scores cycling 0..10, mixed comments.
fs::path generated_export(const std::string& name, int rows) {
  const fs::path path = scratch() / name;
  std::ofstream out(path);
  out << "id,score,comment\n";
  const char* comments[] = {"Consegna in ritardo e personale scortese",
                            "Great staff and fast delivery", "Prezzo troppo caro ma qualità ottima",
                            "The app keeps crashing"};
  for (int i = 0; i < rows; ++i) out << "K" << i << "," << i % 11 << "," << comments[i % 4] << "\n";
  return path;
}

// True once a run of `db` has committed a batch; false while the database is being created.
bool batch_committed(const std::string& db) {
  try {
    return fs::exists(db) && q(db, "SELECT count(*) FROM runs WHERE rows_read > 0") > 0;
  } catch (const SQLite::Exception&) {
    return false;
  }
}

// How long `analyze INPUT --db DB --batch-size 200` takes here, and its wait status.
std::pair<std::chrono::milliseconds, int> timed_run(const fs::path& input, const std::string& db) {
  const auto start = std::chrono::steady_clock::now();
  const int status =
      wait_status(spawn_cli({"analyze", input.string(), "--db", db, "--batch-size", "200"}));
  return {std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                start),
          status};
}

// An empty file at `name`: an existing database to analyze writes in place.
std::string existing_empty_db(const std::string& name) {
  const std::string db = fresh_db(name);
  std::ofstream{db};
  return db;
}

// Every stored value of the tables an import fills, in order, one line per row (not the runs:
// times and process ids; not the settings: a random key per database).
std::string stored_content(const std::string& db) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  std::string out;
  for (const char* sql :
       {"SELECT * FROM responses ORDER BY id", "SELECT * FROM segments ORDER BY response_id, name",
        "SELECT * FROM mentions ORDER BY id", "SELECT * FROM rejects ORDER BY id",
        "SELECT * FROM themes ORDER BY id"}) {
    SQLite::Statement st(d, sql);
    while (st.executeStep()) {
      for (int i = 0; i < st.getColumnCount(); ++i) {
        const SQLite::Column c = st.getColumn(i);
        out += c.isNull() ? "NULL" : c.getString();
        out += '\t';
      }
      out += '\n';
    }
  }
  return out;
}

bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Rows read = stored + rejected, as the run recorded them and as the tables hold them.
void check_counts_add_up(const std::string& db, std::int64_t stored, std::int64_t rejected) {
  CHECK(q(db, "SELECT count(*) FROM responses") == stored);
  CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'row'") == rejected);
  CHECK(q(db, "SELECT rows_read FROM runs ORDER BY id DESC LIMIT 1") == stored + rejected);
  CHECK(q(db, "SELECT rows_rejected FROM runs ORDER BY id DESC LIMIT 1") == rejected);
}

std::string text_of(const std::string& db, const std::string& id) {
  return qs(db, "SELECT text FROM responses WHERE source_id = '" + id + "'");
}

}  // namespace

TEST_CASE("hostile: an unbalanced quote costs one row; reading resumes at the next line") {
  const auto [r, db] = analyze("unbalanced-quote.csv");
  CHECK(r.code == 1);
  CHECK(mentions(
      r.err, hostile("unbalanced-quote.csv") + ":3:6: rejected row: unterminated quoted field"));
  check_counts_add_up(db, 3, 1);
  CHECK(text_of(db, "H3") == "recovered row");
  CHECK(qs(db, "SELECT raw FROM rejects WHERE severity = 'row'") == "H2,3,\"never closed");
}

TEST_CASE("hostile: a quote inside an unquoted field is kept literally") {
  const auto [r, db] = analyze("quote-in-unquoted.csv");
  CHECK(r.code == 0);
  check_counts_add_up(db, 1, 0);
  CHECK(text_of(db, "Q1") == "il pacco \"espresso\" è arrivato tardi");
}

TEST_CASE("hostile: ragged rows (too few, too many fields) are rejected with their line") {
  const auto [r, db] = analyze("ragged.csv");
  CHECK(r.code == 1);
  CHECK(mentions(r.err, hostile("ragged.csv") +
                            ":3: rejected row: expected 3 fields as in the header, found 2"));
  CHECK(mentions(r.err, hostile("ragged.csv") +
                            ":4: rejected row: expected 3 fields as in the header, found 4"));
  check_counts_add_up(db, 2, 2);
  CHECK(qs(db, "SELECT raw FROM rejects WHERE line = 4") == "R3,6,too,many");
}

TEST_CASE("hostile: NUL bytes reject the row, naming column and byte") {
  const auto [r, db] = analyze("nul-bytes.csv");
  CHECK(r.code == 1);
  CHECK(mentions(r.err, hostile("nul-bytes.csv") +
                            ":3:2: rejected row: NUL byte in column 'comment' at byte 4"));
  check_counts_add_up(db, 2, 1);
  CHECK(q(db, "SELECT length(CAST(raw AS BLOB)) FROM rejects WHERE line = 3") == 11);
}

TEST_CASE("hostile: invalid and overlong UTF-8 reject the row; valid accents survive") {
  const auto [r, db] = analyze("invalid-utf8.csv");
  CHECK(r.code == 1);
  CHECK(mentions(r.err, hostile("invalid-utf8.csv") +
                            ":3:2: rejected row: invalid UTF-8 in column 'comment' at byte 7"));
  check_counts_add_up(db, 2, 1);
  CHECK(text_of(db, "U1") == "perché è così");

  const auto overlong = analyze("overlong-utf8.csv");
  CHECK(overlong.result.code == 1);
  CHECK(mentions(overlong.result.err, hostile("overlong-utf8.csv") +
                                          ":2:2: rejected row: invalid UTF-8 in column 'comment'"));
  CHECK(mentions(overlong.result.err, hostile("overlong-utf8.csv") + ":3:2: rejected row"));
  check_counts_add_up(overlong.db, 1, 2);
}

TEST_CASE("hostile: UTF-16 with BOM, Windows-1252 and Latin-1 exports are converted") {
  const auto utf16 = analyze("utf16-bom.csv");
  CHECK(utf16.result.code == 0);
  check_counts_add_up(utf16.db, 2, 0);
  CHECK(text_of(utf16.db, "W2") == "Consegna in ritardo 😡");
  CHECK(q(utf16.db, "SELECT score FROM responses WHERE source_id = 'W1'") == 9);

  const auto cp1252 = analyze("windows-1252.csv");
  CHECK(cp1252.result.code == 0);
  check_counts_add_up(cp1252.db, 2, 0);
  CHECK(text_of(cp1252.db, "X1") == "Il prodotto costa 49,90 € ma è l’ideale");

  const auto latin1 = analyze("latin-1.csv");
  CHECK(latin1.result.code == 0);
  check_counts_add_up(latin1.db, 2, 0);
  CHECK(text_of(latin1.db, "L1") == "Qualità buona, però il caffè è freddo");
}

TEST_CASE("hostile: a 10 MB field is truncated at a character boundary and flagged, not dropped") {
  const fs::path input = scratch() / "huge-field.csv";
  {
    std::ofstream out(input, std::ios::binary);
    out << "id,comment\nBIG,\"";
    for (int i = 0; i < 10 * 1024 * 1024 / 2; ++i) out << "è";  // 2 bytes each: 10 MiB
    out << "\"\nSMALL,ok\n";
  }
  const std::string db = fresh_db("huge-field.db");
  const Result r = run_cli("analyze " + input.string() + " --db " + db);
  CHECK(r.code == 0);
  CHECK(mentions(r.err, input.string() + ":2:2: field: field longer than the limit: truncated"));
  check_counts_add_up(db, 2, 0);
  // 1 MiB default limit, cut on a character: an even number of bytes, all of them "è".
  CHECK(q(db, "SELECT length(CAST(text AS BLOB)) FROM responses WHERE source_id = 'BIG'") ==
        1024 * 1024);
  CHECK(q(db, "SELECT length(text) FROM responses WHERE source_id = 'BIG'") == 512 * 1024);
  CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'field' AND line = 2 AND col = 2") ==
        1);

  // A smaller limit cuts a multi-byte character in the middle: it is dropped whole.
  const std::string small_db = fresh_db("huge-field-small.db");
  const Result small =
      run_cli("analyze " + input.string() + " --max-field-bytes 101 --db " + small_db);
  CHECK(small.code == 0);
  CHECK(q(small_db, "SELECT length(CAST(text AS BLOB)) FROM responses WHERE source_id = 'BIG'") ==
        100);
  CHECK(run_cli("analyze " + input.string() + " --max-field-bytes 3 --db " + small_db).code == 2);
}

TEST_CASE("hostile: a 1-million-character line without a newline is one stored comment") {
  const fs::path input = scratch() / "long-line.csv";
  {
    std::ofstream out(input, std::ios::binary);
    out << "id,comment\nLONG,";
    for (int i = 0; i < 100000; ++i) out << "ottimo ok ";  // 10 characters
  }
  const std::string db = fresh_db("long-line.db");
  const Result r = run_cli("analyze " + input.string() + " --db " + db);
  CHECK(r.code == 0);
  check_counts_add_up(db, 1, 0);
  CHECK(q(db, "SELECT length(text) FROM responses") == 1000000);
  CHECK(qs(db, "SELECT label FROM responses") == "positive");
}

TEST_CASE("hostile: an empty file is skipped with a message; a header-only file stores nothing") {
  const auto empty = analyze("empty.csv");
  CHECK(empty.result.code == 1);
  CHECK(mentions(empty.result.err,
                 hostile("empty.csv") + ":1:1: skipped file: empty file: no header row"));
  CHECK(q(empty.db, "SELECT count(*) FROM rejects WHERE severity = 'file'") == 1);
  check_counts_add_up(empty.db, 0, 0);

  const auto header = analyze("header-only.csv");
  CHECK(header.result.code == 0);
  CHECK(mentions(header.result.err, "0 rows read: 0 stored"));
  check_counts_add_up(header.db, 0, 0);
  CHECK(qs(header.db, "SELECT status FROM runs") == "completed");
}

TEST_CASE("hostile: duplicate column names make the file ambiguous: skipped, naming both") {
  const auto [r, db] = analyze("duplicate-columns.csv");
  CHECK(r.code == 1);
  CHECK(
      mentions(r.err, hostile("duplicate-columns.csv") +
                          ":1:3: skipped file: duplicate column name 'comment' (columns 2 and 3)"));
  CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'file' AND col = 3") == 1);
  check_counts_add_up(db, 0, 0);
}

TEST_CASE("hostile: a BOM in mid-file (two exports concatenated) does not leak into the data") {
  const auto [r, db] = analyze("bom-middle.csv");
  CHECK(r.code == 0);
  check_counts_add_up(db, 2, 0);
  CHECK(text_of(db, "B2") == "seconda esportazione");
}

TEST_CASE("hostile: CR-only line ends") {
  const auto [r, db] = analyze("cr-only.csv");
  CHECK(r.code == 0);
  check_counts_add_up(db, 2, 0);
  CHECK(q(db, "SELECT source_line FROM responses WHERE source_id = 'C2'") == 3);
}

TEST_CASE("hostile: scores like 10/10, 9,5, empty and N/A keep the row with a NULL score") {
  const auto [r, db] = analyze("scores.csv");
  CHECK(r.code == 0);
  CHECK(mentions(r.err, hostile("scores.csv") + ":2:2: field: score '10/10' is not a number"));
  CHECK(mentions(r.err, hostile("scores.csv") + ":3:2: field: score '9,5' is not a whole number"));
  CHECK(mentions(r.err, hostile("scores.csv") + ":5:2: field: score 'N/A' is not a number"));
  check_counts_add_up(db, 6, 0);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE score IS NULL") == 4);
  CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'field'") == 3);  // empty is no error
  CHECK(q(db, "SELECT score FROM responses WHERE source_id = 'S6'") == 9);
}

TEST_CASE("hostile: dates in four formats; impossible dates are NULL with the reason") {
  const auto [r, db] = analyze("dates.csv");
  CHECK(r.code == 0);
  check_counts_add_up(db, 6, 0);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE substr(response_date, 1, 10) = '2026-03-14'") ==
        4);
  CHECK(
      mentions(r.err, hostile("dates.csv") + ":6:2: field: date '31/02/2026' is not a valid date"));
  CHECK(
      mentions(r.err, hostile("dates.csv") + ":7:2: field: date '2026-13-01' is not a valid date"));
  CHECK(q(db, "SELECT count(*) FROM responses WHERE response_date IS NULL") == 2);
}

TEST_CASE("hostile: spreadsheet formulas and SQL-looking comments are stored verbatim") {
  const auto formulas = analyze("formulas.csv");
  CHECK(formulas.result.code == 0);
  check_counts_add_up(formulas.db, 4, 0);
  CHECK(text_of(formulas.db, "F1") == "=HYPERLINK(\"http://evil.example\",\"clic\")");
  CHECK(text_of(formulas.db, "F2") == "+cmd|' /C calc'!A0");
  CHECK(text_of(formulas.db, "F3") == "@SUM(A1:A9)");

  const auto sql = analyze("sql.csv");
  CHECK(sql.result.code == 0);
  check_counts_add_up(sql.db, 2, 0);
  CHECK(qs(sql.db, "SELECT text FROM responses WHERE source_id = 'Q1'") ==
        "'); DROP TABLE responses;--");
  CHECK(q(sql.db, "SELECT count(*) FROM runs") == 1);
}

TEST_CASE("hostile: emoji-only comments are analysed; whitespace-only ones are flagged empty") {
  const auto [r, db] = analyze("emoji-whitespace.csv");
  CHECK(r.code == 0);
  check_counts_add_up(db, 3, 0);
  CHECK(qs(db, "SELECT label FROM responses WHERE source_id = 'E1'") == "negative");
  CHECK(mentions(r.err, hostile("emoji-whitespace.csv") + ":3:3: field: empty comment"));
  CHECK(mentions(r.err, hostile("emoji-whitespace.csv") + ":4:3: field: empty comment"));
  CHECK(q(db, "SELECT score FROM responses WHERE source_id = 'E3'") == 8);
}

TEST_CASE("privacy: personal data is redacted by default, counted per kind, kept on request") {
  const auto [r, db] = analyze("pii.csv");
  CHECK(r.code == 0);
  CHECK(mentions(r.err,
                 "personal data redacted: 6 (email: 1, iban: 1, card: 1, codice_fiscale: "
                 "1, partita_iva: 1, phone: 1)"));
  CHECK(text_of(db, "P1") == "scrivetemi a [EMAIL] o chiamate il [PHONE]");
  CHECK(text_of(db, "P2") == "rimborso su [IBAN], carta [CARD]");
  CHECK(text_of(db, "P3") == "CF [CODICE_FISCALE] P.IVA [PARTITA_IVA]");
  CHECK(text_of(db, "P4") == "ordine n. 123456789 del 14/03/2026, pagato 1.299,00 €");
  const auto counts = nlohmann::json::parse(qs(db, "SELECT pii_redactions FROM runs"));
  CHECK(counts["email"] == 1);
  CHECK(counts["phone"] == 1);
  CHECK(counts["partita_iva"] == 1);

  // --keep-pii is part of change detection: the same rows are re-stored as written.
  const Result kept = run_cli("analyze " + hostile("pii.csv") + " --db " + db + " --keep-pii");
  CHECK(kept.code == 0);
  CHECK(mentions(kept.err, "(0 new, 4 updated, 0 unchanged)"));
  CHECK(!mentions(kept.err, "personal data redacted"));
  CHECK(mentions(text_of(db, "P1"), "mario.rossi@example.com"));
  CHECK(q(db, "SELECT pii_redactions IS NULL FROM runs WHERE id = 2") == 1);
}

TEST_CASE("privacy: a rejected row's raw text is redacted too") {
  const fs::path input = scratch() / "pii-reject.csv";
  std::ofstream(input) << "id,score,comment\nZ1,9,mail a luca@example.it,extra field\n";
  const std::string db = fresh_db("pii-reject.db");
  const Result r = run_cli("analyze " + input.string() + " --db " + db);
  CHECK(r.code == 1);
  CHECK(qs(db, "SELECT raw FROM rejects") == "Z1,9,mail a [EMAIL],extra field");
}

// After a SIGINT into batches of 100: the run interrupted with whole batches stored and counted;
// re-running the import stores the rest.
void check_interrupted_then_completed(const fs::path& input, const std::string& db, int rows) {
  CHECK(qs(db, "SELECT status FROM runs") == "interrupted");
  const std::int64_t stored = q(db, "SELECT count(*) FROM responses");
  CHECK(stored < rows);
  CHECK(stored % 100 == 0);  // whole batches only
  CHECK(q(db, "SELECT rows_read FROM runs") == stored);
  const Result rerun = run_cli("analyze " + input.string() + " --db " + db);
  CHECK(rerun.code == 0);
  CHECK(q(db, "SELECT count(*) FROM responses") == rows);
  CHECK(q(db, "SELECT rows_new FROM runs WHERE id = 2") == rows - stored);
}

TEST_CASE("interrupt: SIGINT stops after the current batch; the run is recorded as interrupted") {
  constexpr int kRows = 6000;
  const fs::path input = generated_export("sigint.csv", kRows);
  // An existing (here empty) database is written in place, batch by batch, where this test can
  // watch it; a new one is built aside (the test after the SIGKILL one).
  const std::string db = existing_empty_db("sigint.db");
  const pid_t pid = spawn_cli({"analyze", input.string(), "--db", db, "--batch-size", "100"});
  // Wait for the first committed batch, so the signal arrives mid-import.
  for (int i = 0; i < 3000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (batch_committed(db)) break;
  }
  kill(pid, SIGINT);
  const int status = wait_status(pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  check_interrupted_then_completed(input, db, kRows);
}

TEST_CASE("crash consistency: SIGKILL at random points never corrupts or duplicates") {
  constexpr int kRows = 6000;
  constexpr int kKills = 20;
  const fs::path input = generated_export("sigkill.csv", kRows);
  const std::string db = fresh_db("sigkill.db");
  const std::vector<std::string> args{"analyze", input.string(), "--db", db, "--batch-size", "200"};

  // How long a whole run takes here (release or sanitizer build), to spread the kills over it.
  const std::string timing_db = fresh_db("sigkill-timing.db");
  const auto full_run = timed_run(input, timing_db).first;

  std::mt19937 rng(20260323);
  std::uniform_int_distribution<long> delay(0, std::max<long>(1, full_run.count()));
  int kills = 0;
  for (int attempt = 0; kills < kKills && attempt < 5 * kKills; ++attempt) {
    // Every fifth kill starts over, so kills also land in the first, all-new batches (into an
    // existing empty file, written in place: a new one is built aside, tested below).
    if (kills % 5 == 0) existing_empty_db("sigkill.db");
    const pid_t pid = spawn_cli(args);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng)));
    kill(pid, SIGKILL);
    const int status = wait_status(pid);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++kills;
    if (!fs::exists(db)) continue;  // killed before the database was created
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    CHECK(d.execAndGet("PRAGMA integrity_check").getString() == "ok");
    // Killed while migrating: each migration is its own transaction, the next run goes on.
    if (d.execAndGet("PRAGMA user_version").getInt() < ascolto::kSchemaVersion) continue;
    CHECK(d.execAndGet("SELECT count(*) FROM responses").getInt64() <= kRows);
    CHECK(d.execAndGet("SELECT count(*) - count(DISTINCT source_id) FROM responses").getInt64() ==
          0);
    // Every committed batch moved its run's counters with it.
    CHECK(d.execAndGet("SELECT count(*) FROM responses").getInt64() ==
          d.execAndGet("SELECT coalesce(sum(rows_new), 0) FROM runs").getInt64());
  }
  CHECK(kills == kKills);

  // The random kills may all land before a run is recorded; this one lands inside a run.
  {
    const pid_t pid = spawn_cli(args);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    const auto running = [&] {
      try {
        return fs::exists(db) &&
               q(db, "SELECT count(*) FROM sqlite_master WHERE name = 'runs'") == 1 &&
               q(db, "SELECT count(*) FROM runs WHERE status = 'running'") >= 1;
      } catch (const SQLite::Exception&) {
        return false;  // busy while the run sets the database up
      }
    };
    while (!running() && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill(pid, SIGKILL);
    wait_status(pid);
  }

  const Result rerun = run_cli("analyze " + input.string() + " --db " + db);
  CHECK(rerun.code == 0);
  CHECK(q(db, "PRAGMA integrity_check") == 0);  // "ok"
  CHECK(qs(db, "PRAGMA integrity_check") == "ok");
  CHECK(q(db, "SELECT count(*) FROM responses") == kRows);
  CHECK(q(db, "SELECT count(DISTINCT source_id) FROM responses") == kRows);
  CHECK(q(db, "SELECT sum(score) FROM responses") ==
        q(timing_db, "SELECT sum(score) FROM responses"));
  CHECK(q(db, "SELECT count(*) FROM mentions") == q(timing_db, "SELECT count(*) FROM mentions"));
  // The killed runs never closed themselves; the last run marked them.
  CHECK(q(db, "SELECT count(*) FROM runs WHERE status = 'running'") == 0);
  CHECK(q(db, "SELECT count(*) FROM runs WHERE status = 'interrupted'") >= 1);
}

TEST_CASE(
    "crash consistency: a new database is built aside; SIGKILL leaves none or the whole one") {
  constexpr int kRows = 6000;
  constexpr int kKills = 10;
  const fs::path input = generated_export("sigkill-new.csv", kRows);
  const std::string db = fresh_db("sigkill-new.db");
  const std::vector<std::string> args{"analyze", input.string(), "--db", db, "--batch-size", "200"};

  // The same import written in place (into an existing empty file): the safe path's content.
  const std::string in_place = existing_empty_db("sigkill-new-in-place.db");
  const auto [full_run, status] = timed_run(input, in_place);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);

  std::mt19937 rng(20261206);
  std::uniform_int_distribution<long> delay(0, std::max<long>(1, full_run.count()));
  int kills = 0, none = 0;
  for (int attempt = 0; kills < kKills && attempt < 5 * kKills; ++attempt) {
    fresh_db("sigkill-new.db");
    const pid_t pid = spawn_cli(args);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng)));
    kill(pid, SIGKILL);
    const int status = wait_status(pid);
    const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    if (killed) ++kills;
    if (!fs::exists(db)) {  // killed while building: no database at all
      none += killed;
      continue;
    }
    // Killed after the rename, or finished first (a loaded machine): the whole import, never a
    // part of it.
    CHECK(qs(db, "PRAGMA integrity_check") == "ok");
    CHECK(q(db, "SELECT count(*) FROM responses") == kRows);
    CHECK(qs(db, "SELECT status FROM runs") == "completed");
  }
  CHECK(kills == kKills);
  CHECK(none >= 1);  // kills landed while the file was being built (timing-free case below)

  // A kill that surely lands mid-build: a leftover temporary file, no database.
  fresh_db("sigkill-new.db");
  {
    const pid_t pid = spawn_cli(args);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!fs::exists(db + ".incomplete") && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid, SIGKILL);
    wait_status(pid);
  }
  CHECK(!fs::exists(db));

  const Result rerun = run_cli("analyze " + input.string() + " --db " + db + " --batch-size 200");
  CHECK(rerun.code == 0);
  CHECK(fs::exists(db));
  CHECK(!fs::exists(db + ".incomplete"));
  CHECK(qs(db, "PRAGMA integrity_check") == "ok");
  CHECK(qs(db, "PRAGMA journal_mode") == "wal");
  CHECK(q(db, "SELECT count(*) FROM runs") == 1);
  // Stored content identical to the in-place import, value for value.
  const std::string built = stored_content(db);
  CHECK(built.size() > 100000);
  CHECK(built == stored_content(in_place));
}

TEST_CASE("interrupt: SIGINT during a new database's build publishes what was committed") {
  constexpr int kRows = 6000;
  const fs::path input = generated_export("sigint-new.csv", kRows);
  const std::string db = fresh_db("sigint-new.db");
  // The database is not at its path until the end, so the signal goes when the temporary file
  // has grown well past the empty schema's size: rows are being committed.
  const std::string empty = fresh_db("sigint-empty-schema.db");
  { ascolto::Store schema_only(empty); }
  const std::uintmax_t schema_size = fs::file_size(empty);
  bool interrupted = false;
  for (int attempt = 0; attempt < 5 && !interrupted; ++attempt) {
    fresh_db("sigint-new.db");
    const pid_t pid = spawn_cli({"analyze", input.string(), "--db", db, "--batch-size", "100"});
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < give_up) {
      std::error_code ec;
      const std::uintmax_t size = fs::file_size(db + ".incomplete", ec);
      if (!ec && size > schema_size + 65536) break;
      if (fs::exists(db)) break;  // finished already
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    kill(pid, SIGINT);
    const int status = wait_status(pid);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) != 130) continue;  // it finished first
    interrupted = true;
    REQUIRE(fs::exists(db));
    CHECK(!fs::exists(db + ".incomplete"));
    CHECK(qs(db, "PRAGMA integrity_check") == "ok");
    check_interrupted_then_completed(input, db, kRows);
  }
  CHECK(interrupted);
}

TEST_CASE("hostile: a JSONL line past --max-field-bytes is rejected whole, the rest is read") {
  const fs::path input = scratch() / "long.jsonl";
  std::ofstream(input) << "{\"id\":\"J1\",\"text\":\"ottimo\"}\n{\"id\":\"J2\",\"text\":\""
                       << std::string(200, 'x') << "\"}\n{\"id\":\"J3\",\"text\":\"pessimo\"}\n";
  const std::string db = fresh_db("long-jsonl.db");
  const Result r = run_cli("analyze " + input.string() + " --max-field-bytes 64 --db " + db);
  CHECK(r.code == 1);
  CHECK(mentions(r.err, input.string() + ":2:1: rejected row: line longer than 64 bytes"));
  check_counts_add_up(db, 2, 1);
  CHECK(q(db, "SELECT length(raw) FROM rejects WHERE line = 2") == 64);
}

TEST_CASE("hostile: 70,000 nested arrays in a JSONL comment or segment reject that line only") {
  const fs::path input = scratch() / "deep.jsonl";
  {
    std::ofstream out(input, std::ios::binary);
    out << "{\"id\":\"D1\",\"comment\":\"ottimo\"}\n";
    out << "{\"id\":\"D2\",\"comment\":" << std::string(70000, '[') << std::string(70000, ']')
        << "}\n";
    out << "{\"id\":\"D3\",\"comment\":\"ok\",\"store\":" << std::string(70000, '[') << "}\n";
    out << "{\"id\":\"D4\",\"comment\":\"pessimo\",\"store\":\"Milano\"}\n";
  }
  const std::string db = fresh_db("deep.db");
  const Result r = run_cli("analyze " + input.string() + " --db " + db);
  CHECK(r.code == 1);
  CHECK(
      mentions(r.err, input.string() + ":2:121: rejected row: JSON nested deeper than 100 levels"));
  CHECK(
      mentions(r.err, input.string() + ":3:134: rejected row: JSON nested deeper than 100 levels"));
  check_counts_add_up(db, 2, 2);
  CHECK(text_of(db, "D4") == "pessimo");
  CHECK(q(db, "SELECT length(raw) FROM rejects WHERE line = 2") == 140022);
}

TEST_CASE("hostile: JSONL keys first seen on later lines are columns (score, date, segment)") {
  const auto [r, db] = analyze("late-keys.jsonl");
  CHECK(r.code == 0);
  check_counts_add_up(db, 3, 0);
  CHECK(q(db, "SELECT score FROM responses WHERE source_id = 'K2'") == 3);
  CHECK(q(db, "SELECT score FROM responses WHERE source_id = 'K3'") == 10);
  CHECK(q(db, "SELECT score IS NULL FROM responses WHERE source_id = 'K1'") == 1);
  CHECK(qs(db, "SELECT substr(response_date, 1, 10) FROM responses WHERE source_id = 'K2'") ==
        "2026-03-14");
  CHECK(qs(db,
           "SELECT value FROM segments JOIN responses r ON r.id = response_id "
           "WHERE source_id = 'K3' AND name = 'store'") == "Roma");

  // A pipe is read twice through a temporary copy: the same columns.
  const std::string piped = fresh_db("late-keys-stdin.db");
  const std::string bin = env_or("ASCOLTO_BIN", "build/ascolto");
  CHECK(std::system(("cat " + hostile("late-keys.jsonl") + " | " + bin +
                     " analyze - --format jsonl --db " + piped + " 2>/dev/null")
                        .c_str()) == 0);
  CHECK(q(piped, "SELECT score FROM responses WHERE source_id = 'K2'") == 3);
  CHECK(q(piped, "SELECT count(*) FROM segments WHERE name = 'store'") == 2);
}

TEST_CASE("hostile: a bad first JSONL line (cut, not an object) costs that line only") {
  const auto [r, db] = analyze("bad-first-line.jsonl");
  CHECK(r.code == 1);
  CHECK(mentions(r.err, hostile("bad-first-line.jsonl") +
                            ":1:42: rejected row: invalid JSON: expected a complete object"));
  CHECK(mentions(r.err,
                 hostile("bad-first-line.jsonl") + ":3:1: rejected row: expected a JSON object"));
  check_counts_add_up(db, 2, 2);
  CHECK(q(db, "SELECT score FROM responses WHERE source_id = 'J4'") == 2);
  CHECK(qs(db, "SELECT raw FROM rejects WHERE line = 1") ==
        "{\"id\":\"J1\",\"comment\":\"la riga si interrom");
}

TEST_CASE("hostile: a stray quote costs one row with CR-only line ends and past the field limit") {
  const auto cr = analyze("stray-quote-cr.csv");
  CHECK(cr.result.code == 1);
  CHECK(mentions(cr.result.err,
                 hostile("stray-quote-cr.csv") + ":3:6: rejected row: unterminated quoted field"));
  check_counts_add_up(cr.db, 3, 1);
  CHECK(text_of(cr.db, "C3") == "si riprende qui");
  CHECK(q(cr.db, "SELECT source_line FROM responses WHERE source_id = 'C4'") == 5);

  // 2.3 MB after the quote, more than the default 1 MiB field limit, in each line-end style.
  for (const std::string nl : {"\n", "\r\n", "\r"}) {
    const fs::path input = scratch() / "stray-big.csv";
    {
      std::ofstream out(input, std::ios::binary);
      out << "id,score,comment" << nl << "B1,9,ottimo" << nl << "B2,3,\"mai chiusa" << nl;
      const std::string filler(180, 'x');
      for (int i = 3; i <= 12000; ++i) out << "B" << i << "," << i % 11 << "," << filler << nl;
    }
    const std::string db = fresh_db("stray-big.db");
    const Result r = run_cli("analyze " + input.string() + " --db " + db + " --lang it");
    CHECK(r.code == 1);
    CHECK(mentions(r.err, input.string() + ":3:6: rejected row: unterminated quoted field"));
    check_counts_add_up(db, 11999, 1);
    CHECK(q(db, "SELECT source_line FROM responses WHERE source_id = 'B12000'") == 12001);
  }
}

TEST_CASE("hostile: UTF-16 without a BOM is read; a lone surrogate rejects its row; only BOMs") {
  const auto no_bom = analyze("utf16le-no-bom.csv");
  CHECK(no_bom.result.code == 0);
  check_counts_add_up(no_bom.db, 2, 0);
  CHECK(text_of(no_bom.db, "V2") == "Consegna in ritardo");

  const auto lone = analyze("utf16-lone-surrogate.csv");
  CHECK(lone.result.code == 1);
  CHECK(mentions(lone.result.err,
                 hostile("utf16-lone-surrogate.csv") + ":3:14: rejected row: ill-formed UTF-16LE"));
  check_counts_add_up(lone.db, 2, 1);
  CHECK(text_of(lone.db, "S3") == "Tutto bene");

  const auto boms = analyze("only-boms.csv");
  CHECK(boms.result.code == 1);
  CHECK(mentions(boms.result.err,
                 hostile("only-boms.csv") + ":1:1: skipped file: empty file: no header row"));
  CHECK(q(boms.db, "SELECT count(*) FROM rejects WHERE severity = 'file'") == 1);
}

TEST_CASE("hostile: a data row starting with {\"ImportId\" is data, not Qualtrics' header row") {
  const auto [r, db] = analyze("qualtrics-lookalike.csv");
  CHECK(r.code == 0);
  check_counts_add_up(db, 3, 0);
  CHECK(text_of(db, "Q1") == "Servizio ottimo");
  CHECK(q(db, "SELECT score FROM responses WHERE text LIKE 'Il primo campo%'") == 4);
}

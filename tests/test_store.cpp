#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "helpers.h"
#include "store/schema.h"
#include "store/store.h"
#include "store_fixture.h"

#include <SQLiteCpp/Transaction.h>

#include <limits>

#include "common/error.h"
#include "common/interrupt.h"

using namespace ascolto;
using testing::fresh_db;
namespace fs = std::filesystem;

namespace {

AnalysedRow row(const std::string& id, int score, const std::string& date, const std::string& text,
                const std::string& hash) {
  AnalysedRow r = testing::analysed_row(id, hash);
  r.row.score = score;
  r.row.date = date;
  r.row.text = text;
  r.analysis.score = -0.5;
  r.analysis.label = SentimentLabel::Negative;
  r.analysis.mentions.push_back({"delivery.delay", 0, 0, 10, "in ritardo", -0.5});
  return r;
}

std::int64_t count(Store& s, const char* sql) {
  return s.db().execAndGet(sql).getInt64();
}

}  // namespace

TEST_CASE("store: a new database is migrated to the current schema version") {
  Store s(fresh_db("ascolto-store-1.db"));
  CHECK(schema_version(s.db()) == kSchemaVersion);
  CHECK(s.db().execAndGet("PRAGMA page_size").getInt() == 16384);
  CHECK(s.db().execAndGet("PRAGMA journal_mode").getString() == "wal");
  for (const char* t : {"runs", "responses", "segments", "mentions", "themes", "rejects",
                        "nps_by_month", "theme_by_month"}) {
    CAPTURE(t);
    SQLite::Statement q(s.db(), "SELECT count(*) FROM sqlite_master WHERE name = ?");
    q.bind(1, t);
    q.executeStep();
    CHECK(q.getColumn(0).getInt() == 1);
  }
}

TEST_CASE("store: the writer skips the CHECKs, other connections still get them") {
  const std::string path = fresh_db("ascolto-store-checks.db");
  Store s(path);
  const auto run = s.begin_run({"test", "[]", "lex", "{}"});
  WriteCounts counts;
  s.write_batch(run, {row("c1", 9, "2026-03-01", "ottimo", "h1")}, {}, counts);
  CHECK(count(s, "SELECT count(*) FROM responses WHERE band = 'promoter'") == 1);
  SQLite::Database other(path, SQLite::OPEN_READWRITE);
  other.setBusyTimeout(5000);
  CHECK_THROWS_WITH(other.exec("UPDATE responses SET band = 'fan'"),
                    doctest::Contains("CHECK constraint failed"));
  CHECK_THROWS_WITH(other.exec("UPDATE mentions SET intent = 'rant'"),
                    doctest::Contains("CHECK constraint failed"));
}

TEST_CASE("store: a database from a newer version is refused") {
  const std::string path = fresh_db("ascolto-store-2.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 99");
  }
  CHECK_THROWS_WITH(Store{path}, doctest::Contains("newer than this ascolto supports"));
}

TEST_CASE("store: re-writing adds nothing, a changed row is updated in place") {
  Store s(fresh_db("ascolto-store-3.db"));
  auto run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  WriteCounts c;
  std::vector<AnalysedRow> rows{row("1", 3, "2026-03-02", "in ritardo", "h1"),
                                row("2", 10, "2026-03-20", "ottimo", "h2")};
  std::vector<RejectedRow> rejects{{"t.csv", 9, 4, "expected 3 fields", "a,b"}};
  s.write_batch(run, rows, rejects, c);
  CHECK(c.added == 2);
  CHECK(c.rejected == 1);
  CHECK(c.read == 3);
  std::vector<RejectedRow> none;
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.write_batch(run, rows, none, c);
  CHECK(c.unchanged == 2);
  CHECK(count(s, "SELECT count(*) FROM responses") == 2);
  CHECK(count(s, "SELECT count(*) FROM mentions") == 2);
  rows[0] = row("1", 9, "2026-04-02", "ora va bene", "h1-changed");
  rows[0].analysis.mentions.clear();
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.write_batch(run, {rows[0]}, none, c);
  CHECK(c.updated == 1);
  CHECK(count(s, "SELECT count(*) FROM responses") == 2);
  CHECK(count(s, "SELECT count(*) FROM mentions") == 1);
  CHECK(count(s, "SELECT score FROM responses WHERE source_id = '1'") == 9);
  CHECK(count(s, "SELECT count(*) FROM segments") == 2);
  CHECK(count(s, "SELECT sum(rows_read) FROM runs") == 6);
  CHECK(count(s, "SELECT count(*) FROM rejects WHERE severity = 'row' AND line = 9 AND col = 4") ==
        1);
  s.finish_run(run, RunStatus::Completed, "[]");
  CHECK(s.db().execAndGet("SELECT status FROM runs WHERE id = 3").getString() == "completed");
}

TEST_CASE("store: an import into an empty database builds the secondary indexes at the end") {
  const std::string path = fresh_db("ascolto-store-bulk.db");
  const auto indexes = [](SQLite::Database& db) {
    return db
        .execAndGet(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
            "('responses_date', 'segments_name_value', 'mentions_response', "
            "'mentions_theme_sentiment')")
        .getInt();
  };
  {
    Store s(path);
    CHECK(indexes(s.db()) == 4);
    const auto run = s.begin_run({"test", "[]", "lex", "{}"});
    CHECK(indexes(s.db()) == 0);
    WriteCounts c;
    s.write_batch(run, {row("1", 3, "2026-03-02", "uno", "h1")}, {}, c);
    // Killed here: the next open builds them.
  }
  {
    Store s(path);
    CHECK(indexes(s.db()) == 4);
    const auto run = s.begin_run({"test", "[]", "lex", "{}"});
    CHECK(indexes(s.db()) == 4);  // not empty: maintained row by row
    s.finish_run(run, RunStatus::Completed, "[]");
  }
  Store s(fresh_db("ascolto-store-bulk.db"));
  const auto run = s.begin_run({"test", "[]", "lex", "{}"});
  s.finish_run(run, RunStatus::Completed, "[]");
  CHECK(indexes(s.db()) == 4);
}

TEST_CASE("store: NPS and theme views compute from stored rows") {
  Store s(fresh_db("ascolto-store-4.db"));
  const auto run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  WriteCounts c;
  std::vector<RejectedRow> none;
  s.write_batch(run,
                {row("1", 10, "2026-03-02", "a", "1"), row("2", 9, "2026-03-05", "b", "2"),
                 row("3", 3, "2026-03-09", "c", "3"), row("4", 7, "2026-03-10", "d", "4"),
                 row("5", 0, "2026-04-01 10:00:00", "e", "5")},
                none, c);
  SQLite::Statement q(
      s.db(), "SELECT month, respondents, promoters, passives, detractors, nps FROM nps_by_month");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "2026-03");
  CHECK(q.getColumn(1).getInt() == 4);
  CHECK(q.getColumn(2).getInt() == 2);
  CHECK(q.getColumn(3).getInt() == 1);
  CHECK(q.getColumn(4).getInt() == 1);
  CHECK(q.getColumn(5).getDouble() == doctest::Approx(25.0));
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(5).getDouble() == doctest::Approx(-100.0));
  SQLite::Statement t(s.db(),
                      "SELECT month, theme, mentions, respondents, detractor_mentions FROM "
                      "theme_by_month WHERE month = '2026-03'");
  REQUIRE(t.executeStep());
  CHECK(t.getColumn(1).getString() == "delivery.delay");
  CHECK(t.getColumn(2).getInt() == 4);
  CHECK(t.getColumn(4).getInt() == 1);
}

TEST_CASE("store: the respondent is stored apart from the response id; naming it updates rows") {
  Store s(fresh_db("ascolto-store-5.db"));
  auto run = s.begin_run({"test", "[]", "lex", "{}"});
  WriteCounts c;
  std::vector<AnalysedRow> rows{row("r1", 9, "2026-03-02", "a", "h1"),
                                row("r2", 3, "2026-04-02", "b", "h2")};
  s.write_batch(run, rows, {}, c);
  CHECK(count(s, "SELECT count(*) FROM responses WHERE respondent_id IS NULL") == 2);
  CHECK(count(s, "SELECT count(*) FROM responses WHERE source_id IN ('r1', 'r2')") == 2);
  // The same rows with a respondent column: updated in place, not duplicated.
  for (AnalysedRow& r : rows) r.row.respondent = "C7";
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.write_batch(run, rows, {}, c);
  CHECK(c.updated == 2);
  CHECK(count(s, "SELECT count(*) FROM responses") == 2);
  CHECK(count(s, "SELECT count(*) FROM responses WHERE respondent_id = 'C7'") == 2);
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.write_batch(run, rows, {}, c);
  CHECK(c.unchanged == 2);
  SQLite::Statement q(s.db(),
                      "SELECT period, respondents, new_respondents, returning_respondents, "
                      "unidentified_respondents FROM respondents_by_period WHERE granularity = "
                      "'month' ORDER BY period");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(2).getInt() == 1);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "2026-04");
  CHECK(q.getColumn(1).getInt() == 1);
  CHECK(q.getColumn(3).getInt() == 1);  // C7 came back in April
  CHECK(q.getColumn(4).getInt() == 0);
}

TEST_CASE("store: a version 4 database upgrades; its ids were response ids, not respondents") {
  const std::string path = fresh_db("ascolto-store-6.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(db, 4);
    // As the version 4 writer stored it: respondent_id held the id column.
    db.exec(
        "INSERT INTO runs (id, started_at, status, tool_version, inputs, lexicon_hash, options) "
        "VALUES (1, 'x', 'completed', 'old', '[]', 'lex', '{}');"
        "INSERT INTO responses (source_key, content_hash, run_id, source_file, source_line, "
        "respondent_id, response_date, lang, text, sentences, sentiment, label) VALUES "
        "('id:A1', 'h', 1, 't.csv', 2, 'A1', '2026-01-05', 'en', 'ok', 1, 0, 'neutral'), "
        "('row:9f', 'h', 1, 't.csv', 3, NULL, '2026-02-05', 'en', 'ok', 1, 0, 'neutral')");
    CHECK(schema_version(db) == 4);
  }
  Store s(path);
  CHECK(schema_version(s.db()) == kSchemaVersion);
  CHECK(count(s, "SELECT count(*) FROM responses WHERE source_id = 'A1'") == 1);
  CHECK(count(s, "SELECT count(*) FROM responses WHERE respondent_id IS NOT NULL") == 0);
  CHECK(count(s,
              "SELECT sum(unidentified_respondents) FROM respondents_by_period WHERE "
              "granularity = 'month'") == 2);
}

TEST_CASE("store: a run this host left running with its process gone is marked interrupted") {
  Store s(fresh_db("ascolto-store-abandoned.db"));
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  const auto add_running = [&](std::int64_t pid, const std::string& on_host) {
    SQLite::Statement st(s.db(),
                         "INSERT INTO runs (started_at, status, tool_version, inputs, "
                         "lexicon_hash, options, pid, host) "
                         "VALUES ('2026-01-01T00:00:00Z', 'running', 't', '[]', 'h', '{}', ?, ?)");
    st.bind(1, pid);
    st.bind(2, on_host);
    st.exec();
    return s.db().getLastInsertRowid();
  };
  const std::int64_t dead = add_running(999999999, host);   // beyond any pid_max: no such process
  const std::int64_t alive = add_running(getppid(), host);  // the test runner: still there
  const std::int64_t elsewhere = add_running(999999999, std::string(host) + "-other");
  const std::int64_t run = s.begin_run({"t", "[]", "h", "{}"});
  const auto status = [&](std::int64_t id) {
    SQLite::Statement q(s.db(), "SELECT status FROM runs WHERE id = ?");
    q.bind(1, id);
    q.executeStep();
    return q.getColumn(0).getString();
  };
  CHECK(status(dead) == "interrupted");
  CHECK(status(alive) == "running");
  CHECK(status(elsewhere) == "running");  // another machine's process cannot be checked here
  CHECK(status(run) == "running");
  CHECK(count(s, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL") == 1);
}

TEST_CASE("store: a row the database refuses is rejected with its reason; the batch is stored") {
  Store s(fresh_db("ascolto-store-refused.db"));
  auto run = s.begin_run({"test", "[]", "lex", "{}"});
  WriteCounts c;
  std::vector<AnalysedRow> rows{row("1", 3, "2026-03-02", "uno", "h1"),
                                row("2", 9, "2026-03-02", "due", "h2"),
                                row("3", 7, "2026-03-02", "tre", "h3")};
  rows[1].analysis.score = std::numeric_limits<double>::quiet_NaN();  // bound as NULL: NOT NULL
  const std::vector<RejectedRow> rejects{{"t.csv", 9, 4, "expected 3 fields", "a,b"}};
  const auto refused = s.write_batch(run, rows, rejects, c);
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].index == 1);
  CHECK(refused[0].reason.find("NOT NULL constraint failed: responses.sentiment") !=
        std::string::npos);
  CHECK(c.added == 2);
  CHECK(c.rejected == 2);
  CHECK(count(s, "SELECT count(*) FROM responses") == 2);
  CHECK(count(s, "SELECT count(*) FROM mentions") == 2);
  CHECK(count(s, "SELECT count(*) FROM segments") == 2);
  CHECK(count(s,
              "SELECT count(*) FROM rejects WHERE severity = 'row' AND reason LIKE "
              "'the database refused the row:%'") == 1);
  CHECK(count(s, "SELECT rows_read FROM runs") == 4);
  // The statements are usable again: the next batch goes in whole.
  s.write_batch(run, {row("4", 1, "2026-03-03", "quattro", "h4")}, {}, c);
  CHECK(count(s, "SELECT count(*) FROM responses") == 3);
}

TEST_CASE("store: a writer kept waiting by another one names the database and the other import") {
  const std::string path = fresh_db("ascolto-store-busy.db");
  { Store first(path); }
  SQLite::Database other(path, SQLite::OPEN_READWRITE);
  SQLite::Transaction holding(other, SQLite::TransactionBehavior::IMMEDIATE);
  Store s(path, 200);
  try {
    s.begin_run({"test", "[]", "lex", "{}"});
    FAIL("no error while another writer holds the lock");
  } catch (const StoreError& e) {
    const std::string what = e.what();
    CHECK(what.find(path) != std::string::npos);
    CHECK(what.find("another import is running") != std::string::npos);
  }
}

TEST_CASE("store: Ctrl-C before the index build closes the run interrupted; the next open builds") {
  const std::string path = fresh_db("ascolto-store-stop-index.db");
  {
    Store s(path);
    auto run = s.begin_run({"test", "[]", "lex", "{}"});
    WriteCounts c;
    s.write_batch(run, {row("1", 3, "2026-03-02", "uno", "h1")}, {}, c);
    set_interrupt_requested(true);
    CHECK(s.finish_run(run, RunStatus::Completed, "[]") == RunStatus::Interrupted);
    set_interrupt_requested(false);
    CHECK(s.db().execAndGet("SELECT status FROM runs").getString() == "interrupted");
    CHECK(count(s,
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                "'responses_date'") == 0);
  }
  Store again(path);
  CHECK(again.db()
            .execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                        "name = 'responses_date'")
            .getInt() == 1);
}

TEST_CASE("store: segment x month NPS and themes x segment match a hand count (schema v9)") {
  Store s(fresh_db("ascolto-store-segment-period.db"));
  const auto run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  // Each row mentions delivery.delay once with the given sentiment (none: no mention).
  const auto at = [](const std::string& id, std::optional<int> score, const std::string& date,
                     const std::string& store, std::optional<double> mention) {
    AnalysedRow r = row(id, 0, date, "comment " + id, id);
    r.row.score = score;
    r.row.segments = {{"store", store}};
    r.analysis.mentions.clear();
    if (mention)
      r.analysis.mentions.push_back({"delivery.delay", 0, 0, 10, "in ritardo", *mention});
    return r;
  };
  std::vector<AnalysedRow> rows = {at("m1", 10, "2026-03-02", "Milano", -0.5),
                                   at("m2", 9, "2026-03-05", "Milano", 0.6),
                                   at("m3", 3, "2026-04-09", "Milano", -0.5),
                                   at("r1", 7, "2026-03-10", "Roma", std::nullopt),
                                   at("r2", 0, "2026-03-20", "Roma", -0.5),
                                   at("r3", std::nullopt, "2026-03-21", "Roma", 0.0)};
  // 30 passives and one promoter in Torino in May: not a small group; NPS 100 * 1 / 31 = 3.2.
  for (int i = 0; i < 30; ++i)
    rows.push_back(at("t" + std::to_string(i), 8, "2026-05-03", "Torino", std::nullopt));
  rows.push_back(at("t30", 9, "2026-05-04", "Torino", std::nullopt));
  WriteCounts c;
  std::vector<RejectedRow> none;
  s.write_batch(run, rows, none, c);
  s.finish_run(run, RunStatus::Completed, "[]");  // the theme views read what a run finished

  // segment, value, period, n, P, passives, D, nps, small_sample — counted by hand above.
  struct Expected {
    const char* value;
    const char* period;
    int n, p, x, d;
    double nps;
    int small;
  };
  const std::vector<Expected> want = {{"Milano", "2026-03", 2, 2, 0, 0, 100.0, 1},
                                      {"Milano", "2026-04", 1, 0, 0, 1, -100.0, 1},
                                      {"Roma", "2026-03", 2, 0, 1, 1, -50.0, 1},
                                      {"Torino", "2026-05", 31, 1, 30, 0, 3.2, 0}};
  SQLite::Statement q(s.db(),
                      "SELECT segment, value, period, respondents, promoters, passives, "
                      "detractors, nps, small_sample FROM segment_nps_by_period");
  for (const Expected& e : want) {
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == "store");
    CHECK(q.getColumn(1).getString() == e.value);
    CHECK(q.getColumn(2).getString() == e.period);
    CHECK(q.getColumn(3).getInt() == e.n);
    CHECK(q.getColumn(4).getInt() == e.p);
    CHECK(q.getColumn(5).getInt() == e.x);
    CHECK(q.getColumn(6).getInt() == e.d);
    CHECK(q.getColumn(7).getDouble() == doctest::Approx(e.nps));
    CHECK(q.getColumn(8).getInt() == e.small);
  }
  CHECK_FALSE(q.executeStep());

  // Milano: 3 of 3 commenters mention it, 1 positive and 2 negative mentions: net -33.3.
  // Roma: r2 and r3 of its 3 commenters mention it (r1 does not), one negative and one neutral
  // mention: share 66.7, net -50.0. Torino mentions nothing.
  SQLite::Statement t(s.db(),
                      "SELECT value, respondents, share_pct, mentions, net_sentiment FROM "
                      "theme_by_segment WHERE theme = 'delivery.delay' AND segment = 'store'");
  REQUIRE(t.executeStep());
  CHECK(t.getColumn(0).getString() == "Milano");
  CHECK(t.getColumn(1).getInt() == 3);
  CHECK(t.getColumn(2).getDouble() == doctest::Approx(100.0));
  CHECK(t.getColumn(3).getInt() == 3);
  CHECK(t.getColumn(4).getDouble() == doctest::Approx(-33.3));
  REQUIRE(t.executeStep());
  CHECK(t.getColumn(0).getString() == "Roma");
  CHECK(t.getColumn(1).getInt() == 2);
  CHECK(t.getColumn(2).getDouble() == doctest::Approx(66.7));
  CHECK(t.getColumn(3).getInt() == 2);
  CHECK(t.getColumn(4).getDouble() == doctest::Approx(-50.0));
  CHECK_FALSE(t.executeStep());
  // A subtheme mention counts for its parent theme too.
  CHECK(count(s, "SELECT sum(respondents) FROM theme_by_segment WHERE theme = 'delivery'") == 5);
}

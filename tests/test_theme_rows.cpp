// The response_themes rows the writer makes (store/theme_rows.h) against the rows the refresh's
// query computes from the stored mentions: the same values, to the last bit of every sum.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "helpers.h"
#include "store/response_themes.h"
#include "store/store.h"
#include "store/theme_rows.h"
#include "store_fixture.h"

#include <sqlite3.h>

using namespace ascolto;
namespace fs = std::filesystem;

namespace {

// A new database file in the test program's scratch directory (helpers.h).
std::string fresh_db(const char* name) {
  return testing::fresh_db(name);
}

using M = std::tuple<const char*, double, Intent>;

AnalysedRow row(const std::string& id, std::optional<int> score, std::optional<std::string> date,
                const std::vector<M>& mentions, const std::string& hash, bool churn = false) {
  AnalysedRow r = testing::analysed_row(id, hash);
  r.row.segments.clear();
  r.row.score = score;
  r.row.date = std::move(date);
  r.row.text = "text " + id;
  r.analysis.lang = Lang::En;
  r.analysis.signals.churn_intent = churn;
  for (const auto& [theme, sentiment, intent] : mentions) {
    r.analysis.mentions.push_back({theme, 0, 0, 4, "text", sentiment, intent});
  }
  return r;
}

// Every row of `table` in key order, each value exactly (doubles in hexadecimal).
std::vector<std::string> dump(SQLite::Database& db, const std::string& table) {
  SQLite::Statement st(db, "SELECT * FROM main." + table + " ORDER BY theme, day" +
                               (table == "response_themes" ? ", response_id" : ""));
  std::vector<std::string> rows;
  while (st.executeStep()) {
    std::string line;
    for (int i = 0; i < st.getColumnCount(); ++i) {
      const SQLite::Column c = st.getColumn(i);
      if (c.isNull()) {
        line += "NULL";
      } else if (c.isFloat()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%a", c.getDouble());
        line += buf;
      } else {
        line += c.getString();
      }
      line += '|';
    }
    rows.push_back(std::move(line));
  }
  return rows;
}

struct Tables {
  std::vector<std::string> rows, days;
  bool operator==(const Tables&) const = default;
};

Tables tables(SQLite::Database& db) {
  return {dump(db, "response_themes"), dump(db, "theme_days")};
}

// The tables as the query computes them from the stored mentions (a changed taxonomy mark
// forces a refresh of everything); the marks are current again afterwards.
Tables by_query(SQLite::Database& db) {
  db.exec("UPDATE settings SET value = 'x' WHERE name = 'response_themes_taxonomy'");
  refresh_response_themes(db);
  return tables(db);
}

void check_same_as_query(Store& s) {
  const Tables written = tables(s.db());
  CHECK_FALSE(written.rows.empty());
  const Tables computed = by_query(s.db());
  CHECK(written.rows.size() == computed.rows.size());
  CHECK(written.rows == computed.rows);
  CHECK(written.days == computed.days);
}

// A subtheme's mentions counted again under its parent (service.wait, delivery.delay), sums
// whose value depends on the order of addition (0.58 + 0.3 - 0.81 is not 0.3 - 0.81 + 0.58),
// undated and unscored responses, a theme the taxonomy does not know, a response without
// mentions.
std::vector<AnalysedRow> first_rows() {
  return {
      row("1", 9, "2026-03-02 10:00:00",
          {{"service.wait", 0.3, Intent::Complaint},
           {"service.wait", -0.81, Intent::Question},
           {"service", 0.58, Intent::Praise},
           {"delivery.delay", -0.7, Intent::Suggestion},
           {"food", 0.04, Intent::Neutral}},
          "h1", true),
      row("2", std::nullopt, "2026-03-02",
          {{"service", 0.3, Intent::Neutral}, {"service.wait", 0.2, Intent::Complaint}}, "h2"),
      row("3", 7, std::nullopt,
          {{"delivery", 0.05, Intent::Neutral},
           {"delivery.delay", -0.05, Intent::Complaint},
           {"delivery.delay", 0.7, Intent::Praise}},
          "h3"),
      row("4", 0, "2026-03-05", {{"retired.theme", 0.2, Intent::Neutral}}, "h4"),
      row("5", 10, "2026-03-05", {}, "h5"),
      row("6", 8, "2026-03-05T09:00:00", {{"price", -0.4, Intent::Complaint}}, "h6"),
  };
}

}  // namespace

TEST_CASE("theme rows: the writer's rows and day sums are the query's, run after run") {
  Store s(fresh_db("ascolto-theme-rows.db"));
  WriteCounts c;
  const std::vector<AnalysedRow> rows = first_rows();

  // Run 1: two batches, the second with a row the database refuses (written again row by row).
  auto run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  s.write_batch(run, {rows[0], rows[1], rows[2]}, {}, c);
  std::vector<AnalysedRow> second{rows[3], rows[4], rows[5]};
  second.push_back(row("bad", 5, "2026-03-06", {{"food", 0.9, Intent::Praise}}, "hb"));
  second.back().analysis.score = std::numeric_limits<double>::quiet_NaN();  // NOT NULL
  CHECK(s.write_batch(run, second, {}, c).size() == 1);
  CHECK(s.finish_run(run, RunStatus::Completed, "[]") == RunStatus::Completed);
  const Tables first = tables(s.db());
  CHECK(first.rows.size() == 11);
  check_same_as_query(s);

  // Run 2: the same file again adds nothing.
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  s.write_batch(run, rows, {}, c);
  s.finish_run(run, RunStatus::Completed, "[]");
  CHECK(tables(s.db()) == first);
  check_same_as_query(s);

  // Run 3: a changed response (its old rows go) and a new one on an existing day.
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  s.write_batch(run,
                {row("1", 6, "2026-03-02 10:00:00", {{"food", -0.3, Intent::Complaint}}, "h1b"),
                 row("7", 9, "2026-03-05", {{"service.wait", 0.6, Intent::Praise}}, "h7")},
                {}, c);
  s.finish_run(run, RunStatus::Completed, "[]");
  CHECK(tables(s.db()) != first);
  check_same_as_query(s);

  // Run 4 interrupted (its rows wait for the next finished run), run 5 completes both.
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  s.write_batch(run, {row("8", 3, "2026-04-01", {{"delivery", -0.2, Intent::Complaint}}, "h8")}, {},
                c);
  CHECK(s.finish_run(run, RunStatus::Interrupted, "[]") == RunStatus::Interrupted);
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  s.write_batch(run, {row("9", 10, "2026-04-01", {{"delivery.delay", 0.4, Intent::Praise}}, "h9")},
                {}, c);
  s.finish_run(run, RunStatus::Completed, "[]");
  CHECK(s.db()
            .execAndGet("SELECT count(*) FROM response_themes WHERE response_id IN (SELECT id "
                        "FROM responses WHERE source_key IN ('id:8', 'id:9'))")
            .getInt() == 3);
  check_same_as_query(s);

  // Run 6: the taxonomy synced again between batches; the first batch's rows are not lost.
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  s.write_batch(run, {row("13", 9, "2026-04-02", {{"food", 0.4, Intent::Praise}}, "h13")}, {}, c);
  s.sync_themes(testing::mini_lexicons().taxonomy);
  s.write_batch(run, {row("14", 1, "2026-04-02", {{"food", -0.6, Intent::Complaint}}, "h14")}, {},
                c);
  s.finish_run(run, RunStatus::Completed, "[]");
  CHECK(s.db()
            .execAndGet("SELECT respondents FROM theme_days WHERE theme = 'food' AND day = "
                        "'2026-04-02'")
            .getInt() == 2);
  check_same_as_query(s);
}

TEST_CASE("theme rows: appended when they are all the table misses, else computed by query") {
  Store s(fresh_db("ascolto-theme-rows-append.db"));
  WriteCounts c;
  const std::vector<AnalysedRow> rows = first_rows();
  const auto parents = [&] {
    std::vector<std::pair<std::string, std::string>> p;
    SQLite::Statement st(s.db(), "SELECT id, coalesce(parent, '') FROM themes");
    while (st.executeStep())
      p.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return p;
  };
  // The writer's rows of the run, made again here to see which way the refresh went.
  const auto made = [&](ThemeRows& t, const std::vector<AnalysedRow>& written, bool replaced) {
    t.reset(parents(), response_themes_taxonomy(s.db()));
    for (const AnalysedRow& r : written) {
      t.add(
          s.db()
              .execAndGet("SELECT id FROM responses WHERE source_key = '" + r.row.source_key + "'")
              .getInt64(),
          r, replaced);
    }
    t.commit();
  };

  auto run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  s.write_batch(run, rows, {}, c);
  ThemeRows fresh;
  made(fresh, rows, false);
  CHECK(refresh_response_themes(s.db(), fresh, run));  // an empty table: appended
  CHECK_FALSE(fresh.active());
  s.finish_run(run, RunStatus::Completed, "[]");  // current already
  check_same_as_query(s);

  // A replaced response on a table that holds other rows: appended, its old rows gone.
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  const std::vector<AnalysedRow> changed{
      row("3", 7, std::nullopt, {{"service", -0.25, Intent::Complaint}}, "h3b")};
  s.write_batch(run, changed, {}, c);
  ThemeRows incremental;
  made(incremental, changed, true);
  CHECK(refresh_response_themes(s.db(), incremental, run));
  s.finish_run(run, RunStatus::Completed, "[]");
  check_same_as_query(s);

  // Another run since the last refresh (interrupted): its rows are not the writer's to add.
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.write_batch(run, {row("10", 2, "2026-05-01", {{"food", -0.5, Intent::Complaint}}, "h10")}, {},
                c);
  s.finish_run(run, RunStatus::Interrupted, "[]");
  run = s.begin_run({"test", "[]", "lex", "{}"});
  const std::vector<AnalysedRow> later{
      row("11", 9, "2026-05-01", {{"food", 0.5, Intent::Praise}}, "h11")};
  s.write_batch(run, later, {}, c);
  ThemeRows behind;
  made(behind, later, false);
  CHECK_FALSE(refresh_response_themes(s.db(), behind, run));
  check_same_as_query(s);

  // Rows made under another taxonomy than the stored one: computed by query.
  run = s.begin_run({"test", "[]", "lex", "{}"});
  const std::vector<AnalysedRow> last{
      row("12", 9, "2026-05-02", {{"service.wait", 0.5, Intent::Praise}}, "h12")};
  s.write_batch(run, last, {}, c);
  ThemeRows stale;
  made(stale, last, false);
  s.db().exec("UPDATE themes SET parent = NULL WHERE id = 'service.wait'");
  CHECK_FALSE(refresh_response_themes(s.db(), stale, run));
  CHECK(s.db()
            .execAndGet("SELECT count(*) FROM response_themes WHERE theme = 'service' AND "
                        "response_id = (SELECT id FROM responses WHERE source_key = 'id:12')")
            .getInt() == 0);
  check_same_as_query(s);
}

TEST_CASE("theme rows: blocks sorted and spilled to a temporary file merge into the table") {
  Store s(fresh_db("ascolto-theme-rows-spill.db"));
  WriteCounts c;
  auto run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  std::vector<AnalysedRow> rows = first_rows();
  // Themes and days met in an order other than their sorted one, over many responses.
  const char* themes[] = {"service.wait", "price", "delivery.delay", "food", "delivery"};
  for (int i = 0; i < 60; ++i) {
    rows.push_back(row("m" + std::to_string(i), i % 11,
                       "2026-0" + std::to_string(1 + (i * 7) % 9) + "-1" + std::to_string(i % 10),
                       {{themes[i % 5], 0.1 * (i % 7) - 0.3, Intent::Complaint},
                        {themes[(i * 3) % 5], 0.37 - 0.11 * (i % 5), Intent::Praise}},
                       "hm" + std::to_string(i)));
  }
  s.write_batch(run, rows, {}, c);
  std::vector<std::pair<std::string, std::string>> parents;
  SQLite::Statement st(s.db(), "SELECT id, coalesce(parent, '') FROM themes");
  while (st.executeStep()) {
    parents.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
  }
  ThemeRows spilled(7);  // a block of 7 rows: about 25 blocks
  spilled.reset(parents, response_themes_taxonomy(s.db()));
  // Committed a few responses at a time, as batches.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    spilled.add(static_cast<std::int64_t>(i + 1), rows[i], false);
    if (i % 4 == 3) spilled.commit();
  }
  spilled.commit();
  spilled.add(999, rows[0], false);  // a batch that rolled back
  spilled.discard();
  spilled.commit();
  REQUIRE(s.db().execAndGet("SELECT max(id) FROM responses").getInt64() ==
          static_cast<std::int64_t>(rows.size()));
  CHECK(refresh_response_themes(s.db(), spilled, run));
  CHECK(s.db().execAndGet("SELECT count(*) FROM response_themes").getInt() == 143);
  s.finish_run(run, RunStatus::Completed, "[]");
  check_same_as_query(s);
}

TEST_CASE("theme rows: an append stopped by Ctrl-C rolls back; the next run computes the rows") {
  Store s(fresh_db("ascolto-theme-rows-stop.db"));
  WriteCounts c;
  auto run = s.begin_run({"test", "[]", "lex", "{}"});
  s.sync_themes(testing::mini_lexicons().taxonomy);
  const std::vector<AnalysedRow> rows = first_rows();
  s.write_batch(run, rows, {}, c);
  std::vector<std::pair<std::string, std::string>> parents;
  SQLite::Statement st(s.db(), "SELECT id, coalesce(parent, '') FROM themes");
  while (st.executeStep()) {
    parents.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
  }
  ThemeRows written(2);
  written.reset(parents, response_themes_taxonomy(s.db()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    written.add(static_cast<std::int64_t>(i + 1), rows[i], false);
  }
  written.commit();
  // As finish_run's handler when Ctrl-C arrives: every statement stops.
  sqlite3_progress_handler(
      s.db().getHandle(), 1, [](void*) { return 1; }, nullptr);
  try {
    refresh_response_themes(s.db(), written, run);
    FAIL("the refresh was not stopped");
  } catch (const SQLite::Exception& e) {
    CHECK((e.getErrorCode() & 0xFF) == SQLITE_INTERRUPT);
  }
  sqlite3_progress_handler(s.db().getHandle(), 0, nullptr, nullptr);
  CHECK(s.db().execAndGet("SELECT count(*) FROM response_themes").getInt() == 0);
  CHECK(s.db().execAndGet("SELECT count(*) FROM theme_days").getInt() == 0);
  CHECK_FALSE(response_themes_current(s.db()));
  s.finish_run(run, RunStatus::Interrupted, "[]");
  // The next run: the interrupted one's rows are computed by query with its own.
  run = s.begin_run({"test", "[]", "lex", "{}"});
  s.write_batch(run, {row("20", 9, "2026-06-01", {{"food", 0.5, Intent::Praise}}, "h20")}, {}, c);
  s.finish_run(run, RunStatus::Completed, "[]");
  CHECK(response_themes_current(s.db()));
  CHECK(s.db().execAndGet("SELECT count(*) FROM response_themes").getInt() == 12);
  check_same_as_query(s);
}

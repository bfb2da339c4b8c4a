// A new database built aside (store/new_file.h): not at its path until finish_run, then there
// whole; gone without a trace when the store is destroyed unfinished; one builder at a time.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <limits>

#include "common/error.h"
#include "helpers.h"
#include "store/new_file.h"
#include "store/store.h"
#include "store_fixture.h"

using namespace ascolto;
namespace fs = std::filesystem;

namespace {

AnalysedRow row(const std::string& id) {
  AnalysedRow r = testing::analysed_row(id, "h" + id);
  r.row.score = 9;
  r.row.text = "ottimo servizio";
  r.analysis.label = SentimentLabel::Positive;
  r.analysis.mentions.push_back({"service", 0, 7, 15, "servizio", 0.5});
  return r;
}

// A run of `n` rows through `store`, in batches of 2, finished as `status`.
void import_rows(Store& store, int n, RunStatus status = RunStatus::Completed) {
  const auto run = store.begin_run({"test", "[]", "lex", "{}"});
  WriteCounts counts;
  for (int i = 0; i < n; i += 2) {
    std::vector<AnalysedRow> batch{row(std::to_string(i))};
    if (i + 1 < n) batch.push_back(row(std::to_string(i + 1)));
    store.write_batch(run, batch, {}, counts);
  }
  store.finish_run(run, status, "[]");
}

std::int64_t count(const std::string& path, const char* sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

}  // namespace

TEST_CASE("new file: built under a temporary name, renamed into place by finish_run") {
  const std::string path = testing::fresh_db("ascolto-new-file-1.db");
  {
    Store s(path, 5000, NewDatabase::BuildAside);
    const auto run = s.begin_run({"test", "[]", "lex", "{}"});
    WriteCounts counts;
    s.write_batch(run, {row("1"), row("2")}, {}, counts);
    CHECK(!fs::exists(path));
    CHECK(fs::exists(path + ".incomplete"));
    s.finish_run(run, RunStatus::Completed, "[]");
    CHECK(fs::exists(path));
    CHECK(!fs::exists(path + ".incomplete"));
  }
  CHECK(!fs::exists(path + ".incomplete-wal"));
  CHECK(count(path, "SELECT count(*) FROM responses") == 2);
  CHECK(count(path, "SELECT count(*) FROM mentions") == 2);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(db.execAndGet("PRAGMA page_size").getInt() == 16384);
  // The indexes a bulk import defers are there.
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'mentions_theme_sentiment'")
            .getInt() == 1);
}

TEST_CASE("new file: an interrupted import is published too, with the run marked interrupted") {
  const std::string path = testing::fresh_db("ascolto-new-file-interrupted.db");
  {
    Store s(path, 5000, NewDatabase::BuildAside);
    import_rows(s, 4, RunStatus::Interrupted);
  }
  CHECK(count(path, "SELECT count(*) FROM responses") == 4);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT status FROM runs").getString() == "interrupted");
}

TEST_CASE("new file: a store destroyed before finish_run leaves no database and no temporary") {
  const std::string path = testing::fresh_db("ascolto-new-file-2.db");
  {
    Store s(path, 5000, NewDatabase::BuildAside);
    const auto run = s.begin_run({"test", "[]", "lex", "{}"});
    WriteCounts counts;
    s.write_batch(run, {row("1")}, {}, counts);
  }
  CHECK(!fs::exists(path));
  CHECK(!fs::exists(path + ".incomplete"));
}

TEST_CASE("new file: an existing database is written in place; so is every store by default") {
  const std::string path = testing::fresh_db("ascolto-new-file-3.db");
  {
    Store first(path);  // InPlace: the file is there from the start
    CHECK(fs::exists(path));
    import_rows(first, 2);
  }
  Store s(path, 5000, NewDatabase::BuildAside);
  CHECK(!fs::exists(path + ".incomplete"));
  import_rows(s, 4);
  CHECK(count(path, "SELECT count(*) FROM responses") == 4);
  CHECK(count(path, "SELECT count(*) FROM runs") == 2);
}

TEST_CASE(
    "new file: a second builder of the same database is refused; a killed one's leftover "
    "is started over") {
  const std::string path = testing::fresh_db("ascolto-new-file-4.db");
  {
    Store s(path, 5000, NewDatabase::BuildAside);
    CHECK_THROWS_WITH_AS(Store(path, 5000, NewDatabase::BuildAside),
                         doctest::Contains("another import is creating this database"), StoreError);
  }
  // What a SIGKILL leaves: a temporary file nobody holds, here with garbage in it.
  std::ofstream(path + ".incomplete") << "not a database";
  std::ofstream(path + ".incomplete-journal") << "stale";
  {
    Store s(path, 5000, NewDatabase::BuildAside);
    import_rows(s, 3);
  }
  CHECK(count(path, "SELECT count(*) FROM responses") == 3);
  CHECK(!fs::exists(path + ".incomplete"));
  CHECK(!fs::exists(path + ".incomplete-journal"));
}

TEST_CASE("new file: a file that appears at the path meanwhile is never replaced") {
  const std::string path = testing::fresh_db("ascolto-new-file-5.db");
  Store s(path, 5000, NewDatabase::BuildAside);
  const auto run = s.begin_run({"test", "[]", "lex", "{}"});
  std::ofstream(path) << "someone else's";
  CHECK_THROWS_WITH_AS(s.finish_run(run, RunStatus::Completed, "[]"),
                       doctest::Contains("another program created this file"), StoreError);
  std::ifstream in(path);
  std::string content;
  std::getline(in, content);
  CHECK(content == "someone else's");
}

TEST_CASE("new file: a refused row rolls back with the journal in memory") {
  const std::string path = testing::fresh_db("ascolto-new-file-refused.db");
  {
    Store s(path, 5000, NewDatabase::BuildAside);
    const auto run = s.begin_run({"test", "[]", "lex", "{}"});
    WriteCounts counts;
    std::vector<AnalysedRow> rows{row("1"), row("2"), row("3")};
    rows[1].analysis.score = std::numeric_limits<double>::quiet_NaN();  // NOT NULL refuses it
    const auto refused = s.write_batch(run, rows, {}, counts);
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].index == 1);
    s.finish_run(run, RunStatus::Completed, "[]");
  }
  CHECK(count(path, "SELECT count(*) FROM responses") == 2);
  CHECK(count(path, "SELECT count(*) FROM mentions") == 2);
  CHECK(count(path, "SELECT count(*) FROM rejects") == 1);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("new file: a symlink to a database not yet made is written through, in place") {
  const std::string target = testing::fresh_db("ascolto-new-file-target.db");
  const std::string link = testing::fresh_db("ascolto-new-file-link.db");
  fs::create_symlink(target, link);
  {
    Store s(link, 5000, NewDatabase::BuildAside);
    CHECK(!fs::exists(link + ".incomplete"));
    import_rows(s, 2);
  }
  CHECK(fs::is_symlink(link));
  CHECK(count(target, "SELECT count(*) FROM responses") == 2);
}

// End-to-end: `ascolto merge`. An export cut in parts by hand (between records, each part with
// the header, under the export's name in its own folder), each part analysed into its own shard
// or into JSON lines with every field, then merged, must give the store that analysing the
// whole export on one machine gives; merging again adds nothing; mismatched shards are refused
// with both values named; a merge killed at any point leaves a sound store that the same command
// completes.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "../export_fixture.h"
#include "cli.h"
#include "store/schema.h"

using namespace ascolto::testing;

namespace {

const std::string& key_file() {
  static const std::string path =
      write_file("merge.key", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
  return path;
}

// The options every part is analysed with: the same pack and pseudonym key.
std::string analysis_options() {
  return " --pack telco --pseudonym-key " + key_file() + " --threads 2";
}

}  // namespace

TEST_CASE("merge CLI: parts analysed apart and merged equal the export analysed on one machine") {
  const ExportFiles e = export_in_parts("merge-cli", 3000, {1001, 2345});
  const std::string single = fresh_db("merge-single.db");
  CHECK(run_cli("analyze " + e.whole + " --db " + single + analysis_options()).code == 1);
  // export_records: the records i % 17 == 5 are rejected, 177 of 3000.
  CHECK(q(single, "SELECT count(*) FROM rejects WHERE severity = 'row'") == 177);
  CHECK(q(single, "SELECT count(*) FROM rejects WHERE severity = 'field'") > 0);
  CHECK(q(single, "SELECT count(*) FROM responses WHERE respondent_id LIKE '[EMAIL:%'") > 250);

  std::string shards, jsonl;
  for (std::size_t k = 0; k < e.parts.size(); ++k) {
    const std::string shard = fresh_db("merge-shard-" + std::to_string(k + 1) + ".db");
    const std::string lines =
        (scratch() / ("merge-part-" + std::to_string(k + 1) + ".jsonl")).string();
    CHECK(run_cli("analyze " + e.parts[k] + " --db " + shard + analysis_options()).code == 1);
    CHECK(run_cli("analyze " + e.parts[k] + " --out " + lines + " --out-fields all" +
                  analysis_options())
              .code == 1);
    shards += " " + shard;
    jsonl += " " + lines;
  }

  SUBCASE("shard databases") {
    const std::string all = fresh_db("merge-all.db");
    const Result r = run_cli("merge" + shards + " --db " + all);
    CHECK(r.code == 1);  // the shards hold rejected rows, as the single import did
    CHECK(r.err.find("3 shards into " + all + ": 2823 new, 0 updated, 0 unchanged, 0 refused") !=
          std::string::npos);
    check_same_store(single, all);
    CHECK(q(all, "SELECT count(*) FROM runs WHERE merged_from LIKE '%merge-shard-%'") == 3);
    CHECK(qs(all, "PRAGMA integrity_check") == "ok");
    // The report reads the same figures.
    const Result report_single = run_cli("report --db " + single + " --format json");
    const Result report_all = run_cli("report --db " + all + " --format json");
    CHECK(report_single.code == 0);
    auto figures_single = nlohmann::json::parse(report_single.out);
    auto figures_all = nlohmann::json::parse(report_all.out);
    // The source files differ: the parts are files of their own.
    CHECK(figures_all["summary"]["sources"].size() == 3);
    figures_single["summary"].erase("sources");
    figures_all["summary"].erase("sources");
    CHECK(figures_single == figures_all);

    // Merging again adds nothing.
    const Result again = run_cli("merge" + shards + " --db " + all);
    CHECK(again.err.find("0 new, 0 updated, 2823 unchanged, 0 refused") != std::string::npos);
    CHECK(q(all, "SELECT count(*) FROM runs") == 3);
    check_same_store(single, all);
  }

  SUBCASE("JSON lines with every field") {
    const std::string all = fresh_db("merge-all-jsonl.db");
    const Result r = run_cli("merge" + jsonl + " --db " + all + " --pseudonym-key " + key_file());
    CHECK(r.code == 1);
    check_same_store(single, all);
    // No temporary shard is left next to the store.
    for (const auto& entry : fs::directory_iterator(scratch()))
      CHECK(entry.path().filename().string().find("merge-all-jsonl.db.merge-") ==
            std::string::npos);
  }
}

TEST_CASE("merge CLI: refusals name both values; usage and output errors") {
  const ExportFiles e = export_in_parts("merge-refuse", 200, {});
  const std::string telco = fresh_db("refuse-telco.db"), banking = fresh_db("refuse-banking.db");
  run_cli("analyze " + e.parts[0] + " --db " + telco + " --pack telco");
  run_cli("analyze " + e.parts[0] + " --db " + banking + " --pack banking");
  const std::string all = fresh_db("refuse-all.db");
  const Result r = run_cli("merge " + telco + " " + banking + " --db " + all);
  CHECK(r.code == 3);
  CHECK(r.err.find(banking + " was analysed with other lexicons than " + telco) !=
        std::string::npos);
  CHECK(r.err.find("lexicons " + qs(telco, "SELECT lexicon_hash FROM runs").substr(0, 12)) !=
        std::string::npos);
  CHECK(r.err.find("lexicons " + qs(banking, "SELECT lexicon_hash FROM runs").substr(0, 12)) !=
        std::string::npos);
  CHECK(q(all, "SELECT count(*) FROM responses") == 0);
  // Forced: merged, the second shard's rows being duplicates of the first's (the same ids).
  CHECK(run_cli("merge " + telco + " " + banking + " --db " + all + " --force").code == 1);

  // JSON lines of the analysis only.
  const std::string plain = (scratch() / "refuse-plain.jsonl").string();
  run_cli("analyze " + e.parts[0] + " --out " + plain);
  const Result p = run_cli("merge " + plain + " --db " + fresh_db("refuse-plain.db"));
  CHECK(p.code == 1);
  CHECK(p.err.find(plain + ":1: these JSON lines hold the analysis only") != std::string::npos);
  CHECK(p.err.find("--out-fields all") != std::string::npos);

  CHECK(run_cli("merge " + telco).code == 2);                     // no --db
  CHECK(run_cli("merge --db " + all).code == 2);                  // no shards
  CHECK(run_cli("merge " + telco + " --db " + telco).code == 4);  // the store is a shard
  CHECK(run_cli("merge " + telco + " " + telco + " --db " + all).code == 2);  // a shard twice
  CHECK(run_cli("merge " + scratch().string() + "/none.db --db " + all).code == 1);
}

TEST_CASE(
    "merge CLI: a merge killed at any point leaves a sound store the same command completes") {
  constexpr int kKills = 12;
  const ExportFiles e = export_in_parts("merge-kill", 24000, {8001, 16001});
  std::vector<std::string> args{"merge"};
  std::vector<std::int64_t> sizes{0};
  for (std::size_t k = 0; k < e.parts.size(); ++k) {
    const std::string shard = fresh_db("kill-shard-" + std::to_string(k + 1) + ".db");
    run_cli("analyze " + e.parts[k] + " --db " + shard + analysis_options());
    args.push_back(shard);
    sizes.push_back(sizes.back() + q(shard, "SELECT count(*) FROM responses"));
  }
  const std::string reference = fresh_db("kill-reference.db");
  std::vector<std::string> reference_args = args;
  reference_args.insert(reference_args.end(), {"--db", reference});
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  waitpid(spawn_cli(reference_args), &status, 0);
  REQUIRE(WIFEXITED(status));
  const auto full = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);

  const std::string db = fresh_db("kill.db");
  args.insert(args.end(), {"--db", db});
  std::mt19937 rng(20261206);
  std::uniform_int_distribution<long> delay(0, std::max<long>(1, full.count()));
  int kills = 0;
  for (int attempt = 0; kills < kKills && attempt < 5 * kKills; ++attempt) {
    if (kills % 4 == 0) fresh_db("kill.db");  // kills also land in the first, bulk shard
    const pid_t pid = spawn_cli(args);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng)));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++kills;
    if (!fs::exists(db)) continue;
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    CHECK(d.execAndGet("PRAGMA integrity_check").getString() == "ok");
    if (d.execAndGet("PRAGMA user_version").getInt() < ascolto::kSchemaVersion) continue;
    // Whole shards only: a shard is merged in one transaction.
    const std::int64_t stored = d.execAndGet("SELECT count(*) FROM responses").getInt64();
    CAPTURE(stored);
    CHECK(std::find(sizes.begin(), sizes.end(), stored) != sizes.end());
    CHECK(d.execAndGet("SELECT count(*) FROM runs").getInt64() ==
          std::find(sizes.begin(), sizes.end(), stored) - sizes.begin());
  }
  CHECK(kills == kKills);

  const Result rerun = run_cli("merge " + args[1] + " " + args[2] + " " + args[3] + " --db " + db);
  CHECK(rerun.code == 1);
  CHECK(qs(db, "PRAGMA integrity_check") == "ok");
  check_same_store(reference, db);
  CHECK(q(db, "SELECT count(*) FROM runs") == 3);
  CHECK(rows_of(db, "SELECT name FROM sqlite_master WHERE type = 'index'") ==
        rows_of(reference, "SELECT name FROM sqlite_master WHERE type = 'index'"));
}

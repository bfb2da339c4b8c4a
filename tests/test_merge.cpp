// Merging shards (store/merge.h) and JSON lines with every field (import/jsonl_shard.h), driven
// as a library: an export imported on one machine against the same export cut in parts, each
// imported into its own shard and merged; idempotence, a changed shard, refusals.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "common/interrupt.h"
#include "export_fixture.h"
#include "import/importer.h"
#include "import/jsonl_shard.h"
#include "import/sinks.h"
#include "store/merge.h"
#include "store/pseudonym_settings.h"
#include "store/schema.h"
#include "store_compare.h"

using namespace ascolto;
using testing::check_same_store;
using testing::count_of;
using testing::export_in_parts;
using testing::export_records;
using testing::ExportFiles;
using testing::fresh_db;
using testing::kExportHeader;
using testing::kTestRun;
using testing::rows_of;
using testing::scratch;
using testing::write_file;
namespace fs = std::filesystem;

namespace {

const std::string kKey(64, 'a');  // one pseudonym key for every part
ImportOptions options_for(const std::vector<std::string>& files, const std::string& key) {
  ImportOptions o = testing::import_options(files, 2, 7);
  o.pseudonym_key_hex = key;
  return o;
}

// Imports `files` into the database `db` in one run.
void import_into(const std::string& db, const std::vector<std::string>& files,
                 const RunInfo& run = kTestRun, const std::string& key = kKey) {
  testing::import_into_db(db, options_for(files, key), run);
}

// Imports `files` into JSON lines with every field, as `analyze --out F --out-fields all`.
std::string import_to_jsonl(const std::string& name, const std::vector<std::string>& files) {
  const std::string path = scratch(name).string();
  std::ofstream out(path, std::ios::binary);
  JsonLinesSink sink(out, path,
                     json_run_header(kTestRun, testing::shipped().taxonomy, key_fingerprint(kKey)));
  Importer importer(testing::shipped(), options_for(files, kKey));
  importer.add_sink(sink);
  testing::ProblemLog quiet;
  importer.run(quiet);
  return path;
}

struct Merged {
  std::vector<ShardCounts> shards;
};

Merged merge_into(const std::string& target, const std::vector<std::string>& shards,
                  bool force = false, const std::string& key = "") {
  MergeOptions options;
  options.force = force;
  options.key_hex = key;
  ShardMerger merger(target, options);
  std::vector<MergeSource> sources;
  for (const std::string& s : shards) sources.push_back({s, s});
  merger.check(sources);
  Merged m;
  for (const MergeSource& s : sources) {
    ShardCounts counts;
    REQUIRE(merger.merge(s, counts));
    m.shards.push_back(counts);
  }
  REQUIRE(merger.finish());
  return m;
}

}  // namespace

TEST_CASE("merge: shards of an export merged equal the export imported on one machine") {
  const ExportFiles e = export_in_parts("cut", 60, {21, 46});
  const std::string single = fresh_db("single.db");
  import_into(single, {e.whole});
  std::vector<std::string> shards;
  for (const std::string& part : e.parts) {
    shards.push_back(fresh_db("shard-" + std::to_string(shards.size() + 1) + ".db"));
    import_into(shards.back(), {part});
  }
  const std::string merged = fresh_db("merged.db");
  const Merged m = merge_into(merged, shards);
  REQUIRE(m.shards.size() == 3);
  CHECK(m.shards[0].added + m.shards[1].added + m.shards[2].added ==
        count_of(single, "SELECT count(*) FROM responses"));
  CHECK(m.shards[1].runs_copied == 1);
  CHECK(count_of(single, "SELECT count(*) FROM rejects WHERE severity = 'row'") == 4);
  CHECK(count_of(single, "SELECT count(*) FROM responses WHERE respondent_id LIKE '[EMAIL:%'") > 0);
  check_same_store(single, merged);
  // Each run is kept with the shard it came from; each reject with its run.
  CHECK(count_of(merged, "SELECT count(*) FROM runs WHERE merged_from IS NOT NULL") == 3);
  CHECK(count_of(merged,
                 "SELECT count(DISTINCT r.merged_from) FROM rejects j JOIN runs r ON r.id = "
                 "j.run_id WHERE j.severity = 'row'") == 3);
  // The merged store holds the shards' pseudonym key: a later import into it agrees.
  SQLite::Database merged_db(merged, SQLite::OPEN_READONLY);
  CHECK(stored_pseudonym_key(merged_db) == kKey);

  SUBCASE("merging again adds nothing") {
    const Merged again = merge_into(merged, shards);
    for (const ShardCounts& c : again.shards) {
      CHECK(c.added == 0);
      CHECK(c.updated == 0);
      CHECK(c.runs_copied == 0);
      CHECK(c.rejects_copied == 0);
    }
    check_same_store(single, merged);
    CHECK(count_of(merged, "SELECT count(*) FROM runs") == 3);
  }

  SUBCASE("a shard whose rows changed updates them, as a re-import does") {
    const std::string p2b =
        write_file("cut/part2/export.csv", kExportHeader + export_records(21, 44) +
                                               "R45,10,2026-02-15,Roma,C45,\"Perfetto\"\n");
    import_into(shards[1], {p2b});
    const Merged again = merge_into(merged, shards);
    CHECK(again.shards[1].updated == 1);
    CHECK(again.shards[1].added == 0);
    CHECK(again.shards[1].runs_copied == 1);
    // The same change imported on one machine.
    const std::string whole2 =
        write_file("cut/whole/export.csv", kExportHeader + export_records(1, 44) +
                                               "R45,10,2026-02-15,Roma,C45,\"Perfetto\"\n" +
                                               export_records(46, 60));
    import_into(single, {whole2});
    CHECK(count_of(merged, "SELECT score FROM responses WHERE source_id = 'R45'") == 10);
    const auto cols = "SELECT id, source_key, score, text, sentiment FROM responses";
    CHECK(rows_of(single, cols) == rows_of(merged, cols));
    CHECK(rows_of(single, "SELECT * FROM theme_stats") ==
          rows_of(merged, "SELECT * FROM theme_stats"));
  }
}

TEST_CASE("merge: a key two shards hold is a duplicate, as within one run") {
  const std::string whole = write_file(
      "dup/whole/export.csv", kExportHeader + export_records(1, 10) + export_records(8, 12));
  const std::string p1 = write_file("dup/p1/export.csv", kExportHeader + export_records(1, 10));
  const std::string p2 = write_file("dup/p2/export.csv", kExportHeader + export_records(8, 12));
  const std::string single = fresh_db("dup-single.db");
  import_into(single, {whole});
  const std::string s1 = fresh_db("dup-1.db"), s2 = fresh_db("dup-2.db");
  import_into(s1, {p1});
  import_into(s2, {p2});
  const std::string merged = fresh_db("dup-merged.db");
  const Merged m = merge_into(merged, {s1, s2});
  CHECK(m.shards[1].refused == 3);  // R8, R9, R10
  CHECK(count_of(merged, "SELECT count(*) FROM responses") ==
        count_of(single, "SELECT count(*) FROM responses"));
  CHECK(count_of(merged, "SELECT count(*) FROM rejects WHERE reason LIKE 'duplicate id ''R9''%'") ==
        1);
  CHECK(count_of(merged, "SELECT count(*) FROM rejects WHERE severity = 'row'") ==
        count_of(single, "SELECT count(*) FROM rejects WHERE severity = 'row'"));
  CHECK(count_of(merged, "SELECT count(*) FROM rejects WHERE severity = 'field'") ==
        count_of(single, "SELECT count(*) FROM rejects WHERE severity = 'field'"));
  CHECK(count_of(merged, "SELECT sum(rows_new) FROM runs") ==
        count_of(merged, "SELECT count(*) FROM responses"));
  const auto cols = "SELECT id, source_key, text, score FROM responses";
  CHECK(rows_of(single, cols) == rows_of(merged, cols));
  // Merging again records the refusals once.
  merge_into(merged, {s1, s2});
  CHECK(count_of(merged, "SELECT count(*) FROM rejects WHERE reason LIKE 'duplicate id%'") == 3);
}

TEST_CASE(
    "merge: shards analysed with other lexicons, versions or keys are refused, unless forced") {
  const ExportFiles e = export_in_parts("refuse", 20, {11});
  const std::string &p1 = e.parts[0], &p2 = e.parts[1];
  const std::string s1 = fresh_db("refuse-1.db");
  import_into(s1, {p1});

  const std::string other_lexicons = fresh_db("refuse-lex.db");
  import_into(other_lexicons, {p2}, RunInfo{"test", "[]", "otherlex", "{}"});
  const std::string target = fresh_db("refuse-target.db");
  {
    ShardMerger merger(target, {});
    try {
      merger.check({{s1, "shard-1.db"}, {other_lexicons, "shard-2.db"}});
      FAIL("not refused");
    } catch (const MergeRefused& e) {
      const std::string what = e.what();
      CHECK(what.find("shard-2.db was analysed with other lexicons than shard-1.db") !=
            std::string::npos);
      CHECK(what.find("otherlex") != std::string::npos);
      CHECK(what.find("lexicons lex,") != std::string::npos);
      CHECK(what.find("--force") != std::string::npos);
    }
  }
  CHECK(count_of(target, "SELECT count(*) FROM responses") == 0);  // nothing written

  const std::string other_version = fresh_db("refuse-version.db");
  import_into(other_version, {p2}, RunInfo{"test2", "[]", "lex", "{}"});
  CHECK_THROWS_WITH_AS(merge_into(target, {s1, other_version}),
                       doctest::Contains("other ascolto version"), MergeRefused);

  const std::string other_key = fresh_db("refuse-key.db");
  import_into(other_key, {p2}, kTestRun, std::string(64, 'b'));
  CHECK_THROWS_WITH_AS(merge_into(target, {s1, other_key}),
                       doctest::Contains("pseudonymized with another key"), MergeRefused);
  // The same key: merged.
  const std::string same_key = fresh_db("refuse-same-key.db");
  import_into(same_key, {p2});
  CHECK_NOTHROW(merge_into(target, {s1, same_key}));

  // Against a target that holds rows: its analysis is the reference.
  CHECK_THROWS_WITH_AS(merge_into(target, {other_lexicons}),
                       doctest::Contains(("than " + target).c_str()), MergeRefused);
  const Merged forced = merge_into(target, {other_lexicons}, true);
  CHECK(forced.shards[0].updated == 10);  // other lexicons: every row re-analysed

  // Not a database of ours.
  {
    SQLite::Database d(fresh_db("refuse/stray.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    d.exec("CREATE TABLE t (x)");
  }
  CHECK_THROWS_AS(merge_into(target, {scratch("refuse/stray.db").string()}), InputError);
}

TEST_CASE("merge: an unfinished analysis is refused unless forced") {
  const std::string p1 = write_file("running/export.csv", kExportHeader + export_records(1, 10));
  const std::string shard = fresh_db("running.db");
  import_into(shard, {p1});
  {
    SQLite::Database d(shard, SQLite::OPEN_READWRITE);
    d.exec("UPDATE runs SET status = 'running'");
  }
  const std::string target = fresh_db("running-target.db");
  CHECK_THROWS_WITH_AS(merge_into(target, {shard}), doctest::Contains("still running"),
                       MergeRefused);
  merge_into(target, {shard}, true);
  CHECK(count_of(target, "SELECT count(*) FROM runs WHERE status = 'interrupted'") == 1);
}

TEST_CASE("merge: JSON lines with every field merge like the shards they stand for") {
  const ExportFiles e = export_in_parts("jsonl", 40, {22});
  const std::string &p1 = e.parts[0], &p2 = e.parts[1];
  const std::string single = fresh_db("jsonl-single.db");
  import_into(single, {e.whole});
  const std::string j1 = import_to_jsonl("jsonl/part-1.jsonl", {p1});
  const std::string j2 = import_to_jsonl("jsonl/part-2.jsonl", {p2});
  std::vector<std::string> shards;
  for (const std::string& j : {j1, j2}) {
    CHECK_FALSE(is_sqlite_file(j));
    shards.push_back(fresh_db("jsonl-shard-" + std::to_string(shards.size() + 1) + ".db"));
    jsonl_to_shard(j, shards.back());
    CHECK(is_sqlite_file(shards.back()));
  }
  // Without the key, the store keeps the fingerprint the lines name; with it, the key.
  const std::string keyless = fresh_db("jsonl-keyless.db");
  merge_into(keyless, shards);
  CHECK(rows_of(keyless, "SELECT name, value FROM settings WHERE name LIKE 'pseudonym%'") ==
        std::vector<std::string>{"pseudonym_key_fingerprint|" + key_fingerprint(kKey) + "|"});
  {
    SQLite::Database d(keyless, SQLite::OPEN_READWRITE);
    CHECK_THROWS_WITH_AS(adopt_pseudonym_key(d, std::string(64, 'b')),
                         doctest::Contains("another pseudonym key"), UsageError);
    adopt_pseudonym_key(d, kKey);
    CHECK(stored_pseudonym_key(d) == kKey);
  }
  const std::string merged = fresh_db("jsonl-merged.db");
  merge_into(merged, shards, false, kKey);
  check_same_store(single, merged);
  // The runs keep where and when they ran; merged twice, they are copied once.
  CHECK(count_of(merged, "SELECT count(*) FROM runs WHERE status = 'completed'") == 2);
  for (std::size_t i = 0; i < shards.size(); ++i) {
    fs::remove(shards[i]);
    jsonl_to_shard(i == 0 ? j1 : j2, shards[i]);
  }
  merge_into(merged, shards, false, kKey);
  CHECK(count_of(merged, "SELECT count(*) FROM runs") == 2);
  check_same_store(single, merged);

  // Runs one after the other in one file (Spark partitions piped into one output): one shard.
  std::ifstream first(j1, std::ios::binary), second(j2, std::ios::binary);
  std::ostringstream both;
  both << first.rdbuf() << second.rdbuf();
  const std::string concatenated = write_file("jsonl/both.jsonl", both.str());
  const std::string one_shard = fresh_db("jsonl-both.db");
  jsonl_to_shard(concatenated, one_shard);
  CHECK(count_of(one_shard, "SELECT count(*) FROM runs") == 2);
  const std::string from_one = fresh_db("jsonl-from-one.db");
  merge_into(from_one, {one_shard}, false, kKey);
  check_same_store(single, from_one);

  // JSON lines of the analysis only are refused with what to do.
  std::ostringstream plain;
  {
    JsonLinesSink sink(plain, "plain");
    Importer importer(testing::shipped(), options_for({p1}, kKey));
    importer.add_sink(sink);
    testing::ProblemLog quiet;
    importer.run(quiet);
  }
  const std::string analysis_only = write_file("jsonl/plain.jsonl", plain.str());
  CHECK_THROWS_WITH_AS(jsonl_to_shard(analysis_only, fresh_db("jsonl-plain.db")),
                       doctest::Contains("--out-fields all"), InputError);
}

TEST_CASE("merge: a shard of an older schema is refused, or merged from an upgraded copy") {
  const std::string part = write_file("old/export.csv", kExportHeader + export_records(1, 12));
  const std::string shard = fresh_db("old-current.db");
  import_into(shard, {part});
  // The same shard as the schema before runs.merged_from.
  const std::string old = fresh_db("old-v11.db");
  {
    SQLite::Database d(old, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(d, kSchemaVersion - 1);
    d.exec("ATTACH DATABASE '" + shard + "' AS s");
    for (const char* table :
         {"runs", "responses", "segments", "mentions", "rejects", "themes", "settings"}) {
      const std::string columns =
          std::string(table) == "runs"
              ? "id, started_at, finished_at, status, tool_version, inputs, lexicon_hash, options, "
                "rows_read, rows_new, rows_updated, rows_unchanged, rows_rejected, pii_redactions, "
                "pid, host"
              : "*";
      d.exec(std::string("INSERT OR REPLACE INTO main.") + table + " SELECT " + columns +
             " FROM s." + table);
    }
  }
  const std::string target = fresh_db("old-target.db");
  CHECK_THROWS_WITH_AS(
      merge_into(target, {old}),
      doctest::Contains(("its schema version is " + std::to_string(kSchemaVersion - 1) + ", " +
                         target + "'s is " + std::to_string(kSchemaVersion))
                            .c_str()),
      MergeRefused);
  CHECK(schema_version_of(old) == kSchemaVersion - 1);
  const std::string copy = fresh_db("old-copy.db");
  upgraded_copy(old, copy);
  CHECK(schema_version_of(copy) == kSchemaVersion);
  CHECK(schema_version_of(old) == kSchemaVersion - 1);  // left as it was
  merge_into(target, {copy}, true);
  const std::string reference = fresh_db("old-reference.db");
  merge_into(reference, {shard});
  check_same_store(reference, target);
}

TEST_CASE("merge: Ctrl-C rolls the shard back; merging again completes") {
  const std::string part = write_file("ctrlc/export.csv", kExportHeader + export_records(1, 30));
  const std::string shard = fresh_db("ctrlc-shard.db");
  import_into(shard, {part});
  const std::string target = fresh_db("ctrlc-target.db");
  {
    ShardMerger merger(target, {});
    merger.check({{shard, shard}});
    ShardCounts counts;
    set_interrupt_requested(true);
    CHECK_FALSE(merger.merge({shard, shard}, counts));
    set_interrupt_requested(false);
  }
  CHECK(count_of(target, "SELECT count(*) FROM responses") == 0);
  CHECK(count_of(target, "SELECT count(*) FROM runs") == 0);
  merge_into(target, {shard});
  const std::string reference = fresh_db("ctrlc-reference.db");
  merge_into(reference, {shard});
  check_same_store(reference, target);
}

TEST_CASE("merge: an id stored from another file with other content is a clash, as on re-import") {
  // Two monthly exports whose ids restart at 1, merged one after the other.
  const std::string jan = write_file("clash/jan.csv", kExportHeader + export_records(1, 8));
  std::string feb_lines = export_records(1, 8);
  for (std::size_t p = 0; (p = feb_lines.find("2026-0", p)) != std::string::npos; ++p)
    feb_lines[p + 6] = '9';  // other dates: other content
  const std::string feb = write_file("clash/feb.csv", kExportHeader + feb_lines);
  const std::string single = fresh_db("clash-single.db");
  import_into(single, {jan});
  import_into(single, {feb});
  const std::string s1 = fresh_db("clash-1.db"), s2 = fresh_db("clash-2.db");
  import_into(s1, {jan});
  import_into(s2, {feb});
  const std::string merged = fresh_db("clash-merged.db");
  merge_into(merged, {s1});
  const Merged second = merge_into(merged, {s2});
  CHECK(second.shards[0].refused == 7);  // R5 is a broken record
  CHECK(count_of(
            merged,
            "SELECT count(*) FROM rejects WHERE reason LIKE '%is already stored from%jan.csv%'") ==
        7);
  const auto rejects = "SELECT severity, count(*) FROM rejects GROUP BY severity";
  CHECK(rows_of(single, rejects) == rows_of(merged, rejects));
  const auto cols = "SELECT id, source_key, response_date, text FROM responses";
  CHECK(rows_of(single, cols) == rows_of(merged, cols));
}

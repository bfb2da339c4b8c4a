// End-to-end: `split` and `analyze --part K/N` through the binary. The parts of a run, analysed
// one by one, store and report exactly what a single run on the whole file does.
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <algorithm>

#include "../xlsx_builder.h"
#include "cli.h"

using namespace ascolto::testing;

namespace {

// One line per stored response and per reject of `db`, in no particular order.
std::vector<std::string> stored_lines(const std::string& db) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  std::vector<std::string> out;
  for (const char* sql :
       {"SELECT source_key || ' ' || source_file || ':' || source_line || ' ' || "
        "ifnull(score, '-') || ' ' || ifnull(response_date, '-') || ' ' || label || ' ' || "
        "sentiment || ' ' || text FROM responses",
        "SELECT file || ':' || line || ':' || ifnull(col, '-') || ' ' || severity || ' ' || "
        "reason || ' ' || ifnull(raw, '') FROM rejects",
        "SELECT r.source_key || ' ' || m.theme || ' ' || m.sentiment FROM mentions m "
        "JOIN responses r ON r.id = m.response_id"}) {
    SQLite::Statement s(d, sql);
    while (s.executeStep()) out.push_back(s.getColumn(0).getString());
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// "40 rows read" -> 40
long rows_read(const std::string& err) {
  const auto at = err.find(" rows read");
  REQUIRE(at != std::string::npos);
  return std::stol(err.substr(err.rfind(' ', at - 1) + 1));
}

}  // namespace

TEST_CASE("split: 4 parts analysed one by one store and report what a single run does") {
  const std::string input = data("split-export.csv");
  const fs::path dir = scratch() / "split-parts";
  fs::remove_all(dir);
  const Result split = run_cli("split " + input + " --parts 4 --out-dir " + dir.string());
  REQUIRE(split.code == 0);
  const std::vector<std::string> parts = lines_of(split.out);
  REQUIRE(parts.size() == 4);
  CHECK(split.err.find("40 records in 4 parts, 1 header line in each") != std::string::npos);

  const std::string single_db = fresh_db("split-single.db");
  const Result single = run_cli("analyze " + input + " --pack none --db " + single_db);
  CHECK(single.code == 1);  // one malformed record
  const std::string bad_score = input + ":29:3: field: score 'dieci' is not a number";
  CHECK(single.err.find(bad_score) != std::string::npos);

  long read = 0;
  std::vector<std::string> from_parts;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    CAPTURE(k);
    const std::string db = fresh_db("split-part" + std::to_string(k) + ".db");
    const Result r = run_cli("analyze " + parts[k] + " --pack none --db " + db);
    CHECK(r.code == (k == 1 ? 1 : 0));
    read += rows_read(r.err);
    // The bad score is in part 3, reported on the input's line, under the input's name.
    CHECK((r.err.find(bad_score) != std::string::npos) == (k == 2));
    const std::vector<std::string> lines = stored_lines(db);
    from_parts.insert(from_parts.end(), lines.begin(), lines.end());
  }
  CHECK(read == 40);
  CHECK(sorted(from_parts) == sorted(stored_lines(single_db)));
}

TEST_CASE("analyze --part K/N: parts sum to the single run; bad values and workbooks refused") {
  const fs::path csv = scratch() / "part-export.csv";
  {
    std::ofstream out(csv);
    out << "id,score,comment\n";
    for (int i = 1; i <= 2500; ++i) {
      out << "P" << i << "," << (i == 2222 ? std::string("dieci") : std::to_string(i % 11))
          << ",servizio ottimo " << i % 17 << "\n";
    }
  }
  const std::string single = fresh_db("part-single.db");
  CHECK(run_cli("analyze " + csv.string() + " --pack none --db " + single).code == 0);
  long read = 0;
  std::vector<std::string> from_parts;
  for (int k = 1; k <= 3; ++k) {
    const std::string db = fresh_db("part-" + std::to_string(k) + ".db");
    const Result r = run_cli("analyze " + csv.string() + " --pack none --part " +
                             std::to_string(k) + "/3 --db " + db);
    CHECK(r.code == 0);
    read += rows_read(r.err);
    CHECK((r.err.find(csv.string() + ":2223:2: field: score 'dieci'") != std::string::npos) ==
          (k == 3));
    const std::vector<std::string> lines = stored_lines(db);
    from_parts.insert(from_parts.end(), lines.begin(), lines.end());
  }
  CHECK(read == 2500);
  CHECK(sorted(from_parts) == sorted(stored_lines(single)));

  // The README's one-machine command: the parts side by side with xargs -P.
  const std::string bin = env_or("ASCOLTO_BIN", "build/ascolto");
  const fs::path dir = scratch() / "xargs-shards";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string xargs = "seq 3 | xargs -P 2 -I{} " + bin + " analyze " + csv.string() +
                            " --pack none --part {}/3 --threads 1 --db " + dir.string() +
                            "/shard-{}.db 2>/dev/null";
  CHECK(std::system(xargs.c_str()) == 0);
  std::vector<std::string> from_xargs;
  for (int k = 1; k <= 3; ++k) {
    const std::vector<std::string> lines =
        stored_lines((dir / ("shard-" + std::to_string(k) + ".db")).string());
    from_xargs.insert(from_xargs.end(), lines.begin(), lines.end());
  }
  CHECK(sorted(from_xargs) == sorted(from_parts));

  for (const char* bad : {"0/3", "4/3", "x"}) {
    const Result r = run_cli("analyze " + csv.string() + " --part " + bad + " --out -");
    CHECK(r.code == 2);
    CHECK(r.err.find("--part must be K/N") != std::string::npos);
  }
  const std::string workbook = survey_workbook().write((scratch() / "split.xlsx").string());
  const Result xlsx =
      run_cli("split " + workbook + " --parts 2 --out-dir " + (scratch() / "xlsx-parts").string());
  CHECK(xlsx.code == 2);
  CHECK(xlsx.err.find("save the workbook as CSV first, or run analyze --part K/N") !=
        std::string::npos);
}

TEST_CASE("split: identical rows without an id in several parts keep the single run's keys") {
  const fs::path dump = scratch() / "dump.txt";
  std::ofstream(dump) << "ottimo\nbene\nottimo\nmale\nottimo\nbene\nciao\nottimo\n";
  const fs::path dir = scratch() / "dump-parts";
  fs::remove_all(dir);
  const Result split = run_cli("split " + dump.string() + " --parts 3 --out-dir " + dir.string());
  REQUIRE(split.code == 0);
  const std::string single = fresh_db("dump-single.db");
  CHECK(run_cli("analyze " + dump.string() + " --pack none --db " + single).code == 0);
  std::vector<std::string> from_parts;
  int k = 0;
  for (const std::string& part : lines_of(split.out)) {
    const std::string db = fresh_db("dump-part" + std::to_string(++k) + ".db");
    CHECK(run_cli("analyze " + part + " --pack none --db " + db).code == 0);
    const std::vector<std::string> lines = stored_lines(db);
    from_parts.insert(from_parts.end(), lines.begin(), lines.end());
  }
  CHECK(k == 3);
  CHECK(from_parts.size() == 8);
  CHECK(sorted(from_parts) == sorted(stored_lines(single)));
}

// `cat export.csv | ascolto analyze -`: standard input is a pipe (not a file redirected), its
// first comments choose the domain packs as a file's do, and the run reads, stores, rejects and
// analyses exactly what the same file's run does.
#include <doctest/doctest.h>

#include "cli.h"

using namespace ascolto::testing;

TEST_CASE("analyze -: a piped export chooses its pack and gives the file's results") {
  const std::string file = data("telco-stream.csv");  // BOM, CRLF, a bad score, a ragged row
  const fs::path from_file = scratch() / "telco-file.jsonl", piped = scratch() / "telco-pipe.jsonl";
  const Result f = run_cli("analyze " + file + " --out " + from_file.string());
  const Result p = run_cli("analyze - --out " + piped.string(), "cat " + file + " |");
  CHECK(f.code == 1);  // one row rejected
  CHECK(p.code == f.code);
  const std::string packs = "packs: telco (16 of 19 comments: ";
  CHECK(f.err.find(packs) != std::string::npos);
  CHECK(p.err.find(packs) != std::string::npos);
  CHECK(p.err.find("<stdin>:16: rejected row: expected 4 fields") != std::string::npos);
  CHECK(p.err.find("<stdin>:9:2: field: score 'dieci'") != std::string::npos);
  CHECK(p.err.find("20 rows read: 19 stored, 1 rejected") != std::string::npos);
  const std::string out = slurp(piped);
  CHECK(json_lines(out).size() == 19);
  CHECK(out == slurp(from_file));  // every row once, analysed with the pack, in order

  // Into a database: the run records the pack and the sample.
  const std::string db = fresh_db("telco-pipe.db");
  CHECK(run_cli("analyze - --db " + db, "cat " + file + " |").code == 1);
  CHECK(qs(db, "SELECT json_extract(options, '$.packs[0]') FROM runs") == "telco");
  CHECK(q(db, "SELECT json_extract(options, '$.pack_detection.sampled') FROM runs") == 19);
  CHECK(q(db, "SELECT rows_read - rows_new - rows_rejected FROM runs") == 0);
}

TEST_CASE("analyze -: a Latin-1 pipe and an empty one read as their files") {
  const std::string latin1 = data("italian-1252.csv");
  const fs::path a = scratch() / "latin1-file.jsonl", b = scratch() / "latin1-pipe.jsonl";
  const Result f = run_cli("analyze " + latin1 + " --out " + a.string());
  const Result p = run_cli("analyze - --out " + b.string(), "cat " + latin1 + " |");
  CHECK(p.code == f.code);
  CHECK(!slurp(a).empty());
  CHECK(slurp(b) == slurp(a));

  // Nothing piped: an empty file's outcome, and no pack.
  const Result empty = run_cli("analyze - --out -", "printf '' |");
  CHECK(empty.code == 1);
  CHECK(empty.out.empty());
  CHECK(empty.err.find("<stdin>:1:1: skipped file: empty file: no header row") !=
        std::string::npos);
  CHECK(empty.err.find("packs: none (no comment could be sampled before the import; name the "
                       "packs with --pack NAME, or --pack none)") != std::string::npos);
  CHECK(empty.err.find("0 rows read") != std::string::npos);
}

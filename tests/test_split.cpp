// Cutting an import in parts: `--part K/N` (import/partition.h, the Importer reading the whole
// input and keeping its part) and `split` (io/splitter.h: part files at record boundaries whose
// manifest restores the input's name and numbers).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/error.h"
#include "export_fixture.h"
#include "import/importer.h"
#include "import/partition.h"
#include "import/sinks.h"
#include "io/line_readers.h"
#include "io/splitter.h"
#include "xlsx_builder.h"

using namespace ascolto;
using testing::scratch;
using testing::slurp;
using testing::write_file;
namespace fs = std::filesystem;

namespace {

// A CSV with a BOM, CRLF line ends, comments spanning lines (CRLF inside quotes too) and one
// row whose score is a word.
std::string tricky_csv(std::size_t rows, std::size_t bad_row) {
  std::string text = "\xEF\xBB\xBFid,score,comment\r\n";
  for (std::size_t i = 1; i <= rows; ++i) {
    const std::string id = "R" + std::to_string(i);
    if (i == bad_row) {
      text += id + ",dieci,\"the score is a word\"\r\n";
    } else if (i % 5 == 0) {
      text += id + "," + std::to_string(i % 11) + ",\"first line\r\nsecond, \"\"quoted\"\"\"\r\n";
    } else {
      text += id + "," + std::to_string(i % 11) + ",comment " + std::to_string(i) + "\r\n";
    }
  }
  return text;
}

// Every record of a file as (line, row, fields), renumbered by its split origin if it has one.
std::vector<std::tuple<std::size_t, std::size_t, std::vector<std::string>>> records_of(
    const std::string& path, const ReaderOptions& options = {}) {
  const auto origin = split_origin(path);
  auto reader = open_reader(path, options);
  std::vector<std::tuple<std::size_t, std::size_t, std::vector<std::string>>> out;
  RawRecord rec;
  while (reader->next(rec)) {
    if (origin) origin->apply(rec);
    out.emplace_back(rec.line, rec.row_number, rec.fields);
  }
  return out;
}

std::vector<std::tuple<std::size_t, std::size_t, std::vector<std::string>>> records_of_parts(
    const SplitResult& split) {
  std::vector<std::tuple<std::size_t, std::size_t, std::vector<std::string>>> all;
  for (const SplitPart& part : split.parts) {
    const auto records = records_of(part.path);
    CHECK(records.size() == part.records);
    all.insert(all.end(), records.begin(), records.end());
  }
  return all;
}

struct PartRun {
  ImportSummary summary;
  std::vector<std::string> lines;  // JSON lines
  std::vector<std::string> problems;
};

PartRun import_part(const std::vector<std::string>& files, Partition partition) {
  ImportOptions o = testing::import_options(files, 2, 300);
  o.partition = partition;
  std::ostringstream out;
  JsonLinesSink json(out, "<memory>");
  Importer importer(testing::mini_lexicons(), o);
  importer.add_sink(json);
  testing::ProblemLog problems;
  PartRun run{importer.run(problems), {}, problems.problems};
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) run.lines.push_back(line);
  return run;
}

}  // namespace

TEST_CASE("partition: K/N parsed and checked; every record belongs to exactly one part") {
  const Partition p = parse_partition("3/8");
  CHECK(p.part == 3);
  CHECK(p.parts == 8);
  CHECK(p.str() == "3/8");
  CHECK(parse_partition("1/1").whole());
  for (const char* bad : {"", "3", "0/4", "5/4", "a/4", "2/b", "1/0", "-1/4", "1/4x", "1/100001"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_partition(bad), UsageError);
  }
  for (const std::uint64_t records : {0, 1, 2, 10, 11, 1000}) {
    for (std::uint64_t r = 0; r < records + 5; ++r) {
      int owners = 0;
      for (std::size_t k = 1; k <= 3; ++k) owners += Partition{k, 3}.range(records).owns(r);
      CHECK(owners == 1);
    }
  }
  CHECK(Partition{1, 3}.range(10).first == 0);
  CHECK(Partition{1, 3}.range(10).end == 3);
  CHECK(Partition{2, 3}.range(10).first == 3);
  CHECK(Partition{3, 3}.range(10).first == 6);
  CHECK(Partition{3, 3}.range(10).owns(12));  // a record the count missed: the last part's
  CHECK(Partition{}.range(10).owns(12));
}

TEST_CASE("import --part: the parts together are the single run, duplicates and lines included") {
  // 3500 rows, parts of 1166, 1167 and 1167: a bad score in part 3, a duplicate id in part 2
  // whose first occurrence is in part 1, a malformed record in part 2.
  std::string text = "id,score,comment\n";
  for (std::size_t i = 1; i <= 3500; ++i) {
    if (i == 2600) {
      text += "R2600,dieci,bad score\n";
    } else if (i == 1500) {
      text += "R7,5,duplicate of a row of part 1\n";
    } else if (i == 1700) {
      text += "R1700,5,\"closed quote then junk\"x\n";
    } else {
      text += "R" + std::to_string(i) + "," + std::to_string(i % 11) + ",servizio ottimo " +
              std::to_string(i % 13) + "\n";
    }
  }
  const std::string csv = write_file("parts.csv", text);
  const PartRun single = import_part({csv}, {});
  std::vector<std::string> lines, problems;
  std::int64_t read = 0, stored = 0, rejected = 0;
  for (std::size_t k = 1; k <= 3; ++k) {
    const PartRun part = import_part({csv}, {k, 3});
    read += part.summary.counts.read;
    stored += part.summary.counts.stored;
    rejected += part.summary.counts.rejected;
    lines.insert(lines.end(), part.lines.begin(), part.lines.end());
    problems.insert(problems.end(), part.problems.begin(), part.problems.end());
    if (k == 3) {
      CHECK(std::any_of(part.problems.begin(), part.problems.end(), [&](const std::string& p) {
        return p.find(csv + ":2601:2: field: score 'dieci'") == 0;
      }));
    }
  }
  CHECK(read == 3500);
  CHECK(read == single.summary.counts.read);
  CHECK(stored == single.summary.counts.stored);
  CHECK(rejected == single.summary.counts.rejected);
  CHECK(rejected == 2);          // the duplicate and the malformed record
  CHECK(lines == single.lines);  // the parts in order are the single run, in order
  std::multiset<std::string> a(problems.begin(), problems.end()),
      b(single.problems.begin(), single.problems.end());
  CHECK(a == b);
}

TEST_CASE("import --part: a file that cannot be read is one part's problem; stdin refused") {
  const std::string csv = write_file("before-missing.csv", "id,comment\n1,a\n2,b\n3,c\n4,d\n");
  const std::string missing = scratch("missing.csv").string();
  int reported = 0;
  std::int64_t read = 0;
  for (std::size_t k = 1; k <= 3; ++k) {
    const PartRun part = import_part({csv, missing}, {k, 3});
    read += part.summary.counts.read;
    for (const std::string& p : part.problems) reported += p.find("skipped file") != p.npos;
    CHECK(part.summary.input_problems == (k == 3));  // after the last record: the last part's
  }
  CHECK(reported == 1);
  CHECK(read == 4);
  CHECK_THROWS_AS(import_part({"-"}, {1, 2}), UsageError);
}

TEST_CASE(
    "split: CSV with a BOM, CRLF and quoted line ends cut at records, numbered as the input") {
  const std::string csv = write_file("tricky.csv", tricky_csv(103, 80));
  const SplitResult split = split_file(csv, {}, 4, scratch("tricky-parts").string());
  REQUIRE(split.parts.size() == 4);
  CHECK(split.header_lines == 1);
  std::size_t records = 0;
  for (const SplitPart& part : split.parts) {
    records += part.records;
    CHECK(slurp(part.path).rfind("id,score,comment\r\n", 0) == 0);  // the header, no BOM
    CHECK(part.bytes == fs::file_size(part.path));
  }
  CHECK(records == 103);
  CHECK(fs::path(split.parts[2].path).filename() == "tricky.part-3-of-4.csv");
  // The records, their lines and rows through the parts are the input's own.
  CHECK(records_of_parts(split) == records_of(csv));
  // The bytes too: the parts without their header are the input without its header and BOM.
  std::string body;
  for (const SplitPart& part : split.parts) body += slurp(part.path).substr(18);
  CHECK(body == slurp(csv).substr(3 + 18));

  const auto origin = split_origin(split.parts[2].path);
  REQUIRE(origin);
  CHECK(origin->source == csv);
  CHECK(origin->row_offset == 103 * 2 / 4);
  CHECK(!split_origin(csv));  // not a part
}

TEST_CASE("split: windows-1252 is written in UTF-8; JSONL and line dumps; lone CR line ends") {
  const std::string latin = testing::data_dir() + "/italian-1252.csv";
  const SplitResult a = split_file(latin, {}, 2, scratch("latin-parts").string());
  CHECK(records_of_parts(a) == records_of(latin));
  CHECK(first_invalid_utf8(slurp(a.parts[1].path)) == std::string::npos);

  std::string jsonl;
  for (int i = 1; i <= 9; ++i) {
    jsonl += "{\"id\": " + std::to_string(i) + ", \"text\": \"riga " + std::to_string(i) + "\"}\n";
    if (i == 4) jsonl += "\n";
    if (i == 6) jsonl += "not json\n";
  }
  const std::string jsonl_path = write_file("feedback.jsonl", jsonl);
  const SplitResult j = split_file(jsonl_path, {}, 3, scratch("jsonl-parts").string());
  CHECK(j.header_lines == 0);
  CHECK(j.parts.size() == 3);
  CHECK(records_of_parts(j) == records_of(jsonl_path));

  const std::string lines = write_file("dump.txt", "uno\rdue\rtre\rquattro\r");
  ReaderOptions as_lines;
  as_lines.format = InputFormat::Lines;
  const SplitResult l = split_file(lines, as_lines, 2, scratch("lines-parts").string());
  CHECK(slurp(l.parts[1].path) == "tre\rquattro\r");
  const auto origin = split_origin(l.parts[1].path);
  REQUIRE(origin);
  CHECK(origin->line_offset == 2);

  // Fewer records than parts: one part per record.
  const std::string two = write_file("two.csv", "id,comment\n1,a\n2,b\n");
  CHECK(split_file(two, {}, 5, scratch("two-parts").string()).parts.size() == 2);
}

TEST_CASE("split: workbooks and standard input refused; a changed part is not renumbered") {
  const std::string xlsx = testing::survey_workbook().write(scratch("survey.xlsx").string());
  CHECK_THROWS_AS(split_file(xlsx, {}, 2, scratch("xlsx-parts").string()), UsageError);
  CHECK_THROWS_AS(split_file("-", {}, 2, scratch("stdin-parts").string()), UsageError);
  const std::string empty = write_file("header-only.csv", "id,comment\n");
  CHECK_THROWS_AS(split_file(empty, {}, 2, scratch("empty-parts").string()), InputError);

  const std::string csv = write_file("edited.csv", tricky_csv(20, 0));
  const SplitResult split = split_file(csv, {}, 2, scratch("edited-parts").string());
  std::ofstream(split.parts[1].path, std::ios::app) << "R99,5,added after the split\r\n";
  CHECK_THROWS_AS(split_origin(split.parts[1].path), InputError);
  CHECK(split_origin(split.parts[0].path));
}

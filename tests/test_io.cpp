#include <doctest/doctest.h>

#include <xxhash.h>

#include <cstdio>
#include <variant>

#include "common/error.h"
#include "common/hash.h"
#include "common/seen_hashes.h"
#include "io/csv_reader.h"
#include "io/line_readers.h"
#include "io/row_mapper.h"
#include "io/utf8_source.h"

using namespace ascolto;

namespace {

std::vector<RawRecord> read_csv(const std::string& bytes, CsvOptions options = {},
                                std::vector<std::string>* header = nullptr,
                                const std::string& encoding = "") {
  CsvReader r(Utf8Source::from_bytes(bytes, "t.csv", encoding), options);
  if (header) *header = r.header();
  std::vector<RawRecord> out;
  RawRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}

// Every record of a JSONL input (error or not).
std::vector<RawRecord> read_jsonl(const std::string& bytes, std::vector<std::string>* header,
                                  std::size_t max_line_bytes = 1 << 20) {
  JsonlReader r(Utf8Source::from_bytes(bytes, "t.jsonl", ""), max_line_bytes);
  if (header) *header = r.header();
  std::vector<RawRecord> out;
  RawRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}

}  // namespace

TEST_CASE("CSV: quoted fields, doubled quotes, embedded newlines and CRLF") {
  std::vector<std::string> header;
  const auto rows = read_csv(
      "id,comment\r\n1,\"Ottimo, davvero\"\r\n2,\"Ha detto \"\"mai più\"\"\"\r\n3,\"riga "
      "uno\r\nriga due\"\r\n",
      {}, &header);
  CHECK(header == std::vector<std::string>{"id", "comment"});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields[1] == "Ottimo, davvero");
  CHECK(rows[1].fields[1] == "Ha detto \"mai più\"");
  CHECK(rows[2].fields[1] == "riga uno\r\nriga due");
  CHECK(rows[2].line == 4);
  CHECK(rows[2].row_number == 3);
}

TEST_CASE("CSV: delimiter detection picks ; for Italian Excel and tab for TSV") {
  CsvReader semi(Utf8Source::from_bytes("a;b;c\n1;2,5;3\n", "t.csv", ""), {});
  CHECK(semi.delimiter() == ';');
  CsvReader tab(Utf8Source::from_bytes("a\tb\n1\t2\n", "t.tsv", ""), {});
  CHECK(tab.delimiter() == '\t');
  CsvReader comma(Utf8Source::from_bytes("a,\"x;y;z\"\n1,2\n", "t.csv", ""), {});
  CHECK(comma.delimiter() == ',');
}

TEST_CASE("CSV: a UTF-8 BOM is stripped and Windows-1252 is converted") {
  std::vector<std::string> header;
  auto rows = read_csv("\xEF\xBB\xBFid,testo\n1,città\n", {}, &header);
  CHECK(header[0] == "id");
  // "perché" and "€" in Windows-1252: e9 = é, 80 = €.
  rows = read_csv("id;testo\n1;perch\xE9 costa 5\x80\n", {}, &header);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[1] == "perché costa 5€");
}

TEST_CASE("CSV: UTF-16LE with BOM is converted") {
  const std::string utf8 = "id,text\n1,è ok\n";
  std::string utf16 = "\xFF\xFE";
  for (const char c : std::string("id,text\n1,")) {
    utf16 += c;
    utf16 += '\0';
  }
  utf16 += "\xE8";
  utf16 += '\0';  // è
  for (const char c : std::string(" ok\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  const auto rows = read_csv(utf16);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[1] == "è ok");
}

TEST_CASE(
    "UTF-16 without a BOM is detected; ill-formed UTF-16 rejects its row; BOMs alone are empty") {
  const auto utf16 = [](const std::string& ascii, bool big_endian) {
    std::string out;
    for (const char c : ascii) {
      out += big_endian ? std::string{'\0', c} : std::string{c, '\0'};
    }
    return out;
  };
  for (const bool be : {false, true}) {
    std::vector<std::string> header;
    const auto rows = read_csv(utf16("id,comment\r\n1,ottimo servizio\r\n", be), {}, &header);
    CHECK(header == std::vector<std::string>{"id", "comment"});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].fields[1] == "ottimo servizio");
  }
  // A lone high surrogate (D800) in row 2 and a cut last character: those rows only.
  std::string bytes = "\xFF\xFE" + utf16("id,comment\n1,ok\n2,ab", false) +
                      std::string("\x00\xD8", 2) + utf16("cd\n3,fine\n4,x", false) + "y";
  auto rows = read_csv(bytes);
  REQUIRE(rows.size() == 4);
  CHECK_FALSE(rows[0].error.has_value());
  REQUIRE(rows[1].error.has_value());
  CHECK(rows[1].error->line == 3);
  CHECK(rows[1].error->column == 5);
  CHECK(rows[1].error->message.find("ill-formed UTF-16LE") == 0);
  CHECK_FALSE(rows[2].error.has_value());
  CHECK(rows[2].fields[1] == "fine");
  REQUIRE(rows[3].error.has_value());
  CHECK(rows[3].error->line == 5);
  // UTF-8 with a NUL or two is still UTF-8.
  rows = read_csv(std::string("id,comment\n1,a\0b\n2,ok\n", 21));
  CHECK(rows.size() == 2);

  for (const std::string boms : {"\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF", "\xFF\xFE\xFF\xFE",
                                 "\xEF\xBB\xBF\xEF\xBB\xBF\n\xEF\xBB\xBF\r\n"}) {
    CHECK_THROWS_WITH(read_csv(boms), "t.csv:1:1: empty file: no header row");
    CHECK_THROWS_WITH(read_jsonl(boms, nullptr), "t.jsonl:1:1: empty file: no JSON object");
    CHECK_THROWS_WITH(PlainLinesReader(Utf8Source::from_bytes(boms, "t.txt", ""), 1 << 20),
                      "t.txt:1:1: empty file: no line");
  }
  // BOMs before the header are dropped, however many.
  std::vector<std::string> header;
  read_csv("\xEF\xBB\xBF\xEF\xBB\xBFid,comment\n1,ok\n", {}, &header);
  CHECK(header == std::vector<std::string>{"id", "comment"});
}

TEST_CASE("CSV: a malformed quote is reported with line and column and reading goes on") {
  const auto rows = read_csv("id,c\n1,\"ok\"x\n2,fine\n");
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].error.has_value());
  CHECK(rows[0].error->line == 2);
  CHECK(rows[0].error->column == 7);
  CHECK(rows[0].raw == "1,\"ok\"x");
  CHECK_FALSE(rows[1].error.has_value());
  CHECK(rows[1].fields[1] == "fine");
}

TEST_CASE("CSV: an unterminated quote names the line where it opened; the next line is read") {
  const auto rows = read_csv("id,c\n1,ok\n2,\"never closed\n3,x\n4,\"a\"\"b\"\n");
  REQUIRE(rows.size() == 4);
  REQUIRE(rows[1].error.has_value());
  CHECK(rows[1].error->line == 3);
  CHECK(rows[1].error->column == 3);
  CHECK(rows[1].raw == "2,\"never closed");
  CHECK(rows[2].line == 4);
  CHECK(rows[2].fields == std::vector<std::string>{"3", "x"});
  CHECK_FALSE(rows[2].error.has_value());
  CHECK(rows[3].fields == std::vector<std::string>{"4", "a\"b"});
}

TEST_CASE("CSV: a quote that never closes on a single last line is one rejected record") {
  const auto rows = read_csv("id,c\n1,\"open to the end");
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].error.has_value());
  CHECK(rows[0].error->line == 2);
}

TEST_CASE("CSV: fields past max_field_bytes are cut at a character boundary and listed") {
  CsvOptions options;
  options.max_field_bytes = 5;
  const auto rows = read_csv("id,c\n1,\u00e8\u00e8\u00e8\u00e8\n22,ok\n", options);  // 8 bytes
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields[1] == "\u00e8\u00e8");  // 4 bytes: the third "è" would be split
  CHECK(rows[0].truncated == std::vector<std::size_t>{2});
  CHECK(rows[1].fields[1] == "ok");
  CHECK(rows[1].truncated.empty());
}

TEST_CASE("CSV: a data row that starts like Qualtrics' ImportId row is data") {
  std::vector<std::string> header;
  auto rows = read_csv(
      "id,comment\nR1,first\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\",looks like an import id\nR3,x\n",
      {}, &header);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields[0] == "R1");
  CHECK(rows[1].fields[0] == "{\"ImportId\":\"QID1\"}");
  // Only right under the header, and only with a cell per column.
  rows = read_csv(
      "id,c\nID,Why?\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\","
      "more\n");
  CHECK(rows.size() == 2);
  rows = read_csv(
      "id,c\nR1,a\nR2,b\n\"{\"\"ImportId\"\":\"\"x\"\"}\",\"{\"\"ImportId\"\":\"\"y\"\"}\"\n");
  CHECK(rows.size() == 3);
}

TEST_CASE("CSV: --skip-rows and Qualtrics' extra header rows") {
  auto rows = read_csv("id,c\nquestion,text\n1,a\n", CsvOptions{0, 1, true});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[0] == "1");
  rows = read_csv(
      "ResponseId,Q2\nResponse "
      "ID,Why?\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\nR_1,"
      "good\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[0] == "R_1");
  CHECK(rows[0].row_number == 1);
  // Without the ImportId row, the first two rows are data.
  rows = read_csv("id,c\n1,a\n2,b\n3,c\n");
  CHECK(rows.size() == 3);
}

TEST_CASE("CSV: an empty file is an error naming the file") {
  CHECK_THROWS_AS(read_csv(""), InputError);
  CHECK_THROWS_WITH(read_csv("\n\n"), doctest::Contains("t.csv:1:1: empty file"));
}

TEST_CASE("CSV: a stray quote costs one row for every line end, however much input follows") {
  for (const std::string nl : {"\n", "\r\n", "\r"}) {
    CAPTURE(nl.size());
    // Never closed: more than max_field_bytes (64) follows it, in several chunks of the spool.
    std::string bytes = "id,comment" + nl + "1,ok" + nl + "2,\"never closed" + nl;
    for (int i = 3; i < 400; ++i)
      bytes += std::to_string(i) + ",row number " + std::to_string(i) + nl;
    auto rows = read_csv(bytes, CsvOptions{0, 0, true, 64});
    REQUIRE(rows.size() == 399);
    REQUIRE(rows[1].error.has_value());
    CHECK(rows[1].error->line == 3);
    CHECK(rows[1].error->column == 3);
    CHECK(rows[1].raw == "2,\"never closed");
    for (std::size_t i = 2; i < rows.size(); ++i) {
      CHECK_FALSE(rows[i].error.has_value());
      CHECK(rows[i].line == i + 2);
      CHECK(rows[i].fields[0] == std::to_string(i + 1));
    }
    // Closed 300 lines later with text after it: the opening quote was the stray one.
    bytes = "id,comment" + nl + "1,\"opens" + nl;
    for (int i = 2; i < 300; ++i) bytes += std::to_string(i) + ",riga " + std::to_string(i) + nl;
    bytes += "300,chiude\" qui" + nl + "301,\"a" + nl + "b\"" + nl;
    rows = read_csv(bytes, CsvOptions{0, 0, true, 64});
    REQUIRE(rows.size() == 301);
    REQUIRE(rows[0].error.has_value());
    CHECK(rows[0].error->message.find("closes on line 301") != std::string::npos);
    CHECK(rows[299].fields[1] == "chiude\" qui");
    CHECK(rows[299].line == 301);
    CHECK(rows[300].fields[1] == "a" + nl + "b");  // a quoted line end is still text
    CHECK_FALSE(rows[300].error.has_value());
  }
}

TEST_CASE("CSV: CR-only line ends") {
  const auto rows = read_csv("id,c\r1,a\r2,b\r");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields[1] == "b");
  CHECK(rows[1].line == 3);
}

TEST_CASE("JSONL: keys are columns, numbers keep their text, bad lines carry an error") {
  JsonlReader r(
      Utf8Source::from_bytes("{\"id\":\"a\",\"score\":9,\"text\":\"ottimo\"}\n\n{\"id\":\"b\","
                             "\"text\":\"x\",\"score\":null}\n{\"id\": oops}\n",
                             "t.jsonl", ""),
      1 << 20);
  CHECK(r.header() == std::vector<std::string>{"id", "score", "text"});
  RawRecord rec;
  REQUIRE(r.next(rec));
  CHECK(rec.fields[1] == "9");
  REQUIRE(r.next(rec));
  CHECK(rec.fields == std::vector<std::string>{"b", "", "x"});
  CHECK(rec.line == 3);
  REQUIRE(r.next(rec));
  REQUIRE(rec.error.has_value());
  CHECK(rec.error->line == 4);
  CHECK(rec.error->column == 8);
  CHECK_FALSE(r.next(rec));
}

TEST_CASE("JSONL: 70,000 nested arrays reject their line, without recursion; the rest is kept") {
  const std::string deep = std::string(70000, '[') + std::string(70000, ']');
  for (const std::string& line :
       {"{\"id\":\"B\",\"text\":" + deep + "}",
        "{\"id\":\"B\",\"text\":\"ok\",\"store\":" + deep + "}",
        "{\"id\":\"B\",\"text\":\"ok\",\"store\":{\"a\":" + std::string(70000, '[') + "}"}) {
    std::vector<std::string> header;
    const auto rows = read_jsonl(
        "{\"id\":\"A\",\"text\":\"buono\"}\n" + line + "\n{\"id\":\"C\",\"text\":\"x\"}\n",
        &header);
    REQUIRE(rows.size() == 3);
    CHECK_FALSE(rows[0].error.has_value());
    REQUIRE(rows[1].error.has_value());
    CHECK(rows[1].error->line == 2);
    CHECK(rows[1].error->message.find("nested deeper than 100 levels") != std::string::npos);
    CHECK(rows[1].raw == line);
    CHECK_FALSE(rows[2].error.has_value());
    CHECK(rows[2].fields[0] == "C");
  }
  // A hundred levels are still read (and printed back as text).
  const std::string hundred = std::string(99, '[') + std::string(99, ']');
  const auto rows = read_jsonl("{\"text\":\"ok\",\"tags\":" + hundred + "}\n", nullptr);
  REQUIRE(rows.size() == 1);
  CHECK_FALSE(rows[0].error.has_value());
  CHECK(rows[0].fields[1] == hundred);
  // Brackets inside strings are text, however many.
  const auto text = read_jsonl("{\"text\":\"" + std::string(70000, '[') + "\\\"\"}\n", nullptr);
  REQUIRE(text.size() == 1);
  CHECK_FALSE(text[0].error.has_value());
  CHECK(text[0].fields[0].size() == 70001);
}

TEST_CASE("JSONL: the columns are the union of every line's keys, in first-seen order") {
  std::vector<std::string> header;
  const auto rows = read_jsonl(
      "{\"id\":\"A\",\"text\":\"buono\"}\n{\"id\":\"B\",\"text\":\"ok\",\"score\":9,"
      "\"date\":\"2026-01-02\"}\n{\"store\":\"Milano\",\"id\":\"C\",\"text\":\"x\",\"extra\":"
      "{\"nested\":1}}\n",
      &header);
  CHECK(header == std::vector<std::string>{"id", "text", "score", "date", "store", "extra"});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == std::vector<std::string>{"A", "buono", "", "", "", ""});
  CHECK(rows[1].fields == std::vector<std::string>{"B", "ok", "9", "2026-01-02", "", ""});
  CHECK(rows[2].fields == std::vector<std::string>{"C", "x", "", "", "Milano", "{\"nested\":1}"});
  // Keys of lines that are rejected (not an object, invalid, too long) are no columns.
  read_jsonl("{\"text\":\"ok\"}\n[{\"a\":1}]\n{\"b\":1\n{\"c\":\"far too long for the limit\"}\n",
             &header, 24);
  CHECK(header == std::vector<std::string>{"text"});
}

TEST_CASE("JSONL: a bad first line (cut, not an object) costs that line only") {
  for (const std::string first : {"{\"id\":\"A\",\"text\":\"tronc", "[1,2]", "\"text\"", "nul"}) {
    std::vector<std::string> header;
    const auto rows = read_jsonl(
        first + "\n{\"id\":\"B\",\"text\":\"ok\"}\n{\"id\":\"C\",\"text\":\"x\"}\n", &header);
    CHECK(header == std::vector<std::string>{"id", "text"});
    REQUIRE(rows.size() == 3);
    REQUIRE(rows[0].error.has_value());
    CHECK(rows[0].error->line == 1);
    CHECK(rows[0].raw == first);
    CHECK(rows[0].row_number == 1);
    CHECK(rows[1].fields == std::vector<std::string>{"B", "ok"});
    CHECK(rows[2].row_number == 3);
  }
  CHECK_THROWS_WITH(read_jsonl("\n  \n", nullptr), "t.jsonl:1:1: empty file: no JSON object");
  CHECK_THROWS_WITH(read_jsonl("\n[1]\n{\n", nullptr),
                    "t.jsonl:2:1: no line is a JSON object (expected one object per line)");
}

TEST_CASE("Plain lines: one comment per line, blank lines skipped, row numbers count comments") {
  PlainLinesReader r(Utf8Source::from_bytes("primo\r\n\r\nsecondo\nterzo", "t.txt", ""), 1 << 20);
  RawRecord rec;
  std::vector<std::string> seen;
  while (r.next(rec)) seen.push_back(rec.fields[0] + "@" + std::to_string(rec.row_number));
  CHECK(seen == std::vector<std::string>{"primo@1", "secondo@2", "terzo@3"});
}

TEST_CASE("Line readers: lines past the limit are cut (plain) or rejected whole (JSONL)") {
  PlainLinesReader plain(Utf8Source::from_bytes("abc\u00e8\u00e8\u00e8\r\nshort\n", "t.txt", ""),
                         6);  // 9 bytes
  RawRecord rec;
  REQUIRE(plain.next(rec));
  CHECK(rec.fields[0] == "abc\u00e8");  // the second "è" would be split at byte 6
  CHECK(rec.truncated == std::vector<std::size_t>{1});
  REQUIRE(plain.next(rec));
  CHECK(rec.fields[0] == "short");
  CHECK(rec.line == 2);
  CHECK(rec.truncated.empty());

  JsonlReader jsonl(Utf8Source::from_bytes("{\"text\":\"ok\"}\n{\"text\":\"far too long\"}\n"
                                           "{\"text\":\"ok\"}\n",
                                           "t.jsonl", ""),
                    16);
  REQUIRE(jsonl.next(rec));
  REQUIRE(jsonl.next(rec));
  REQUIRE(rec.error.has_value());
  CHECK(rec.error->line == 2);
  CHECK(rec.error->message.find("rejected whole") != std::string::npos);
  REQUIRE(jsonl.next(rec));
  CHECK_FALSE(rec.error.has_value());
  CHECK(rec.fields[0] == "ok");
}

TEST_CASE("RowMapper: recognises Italian and English column names") {
  RowMapper it({"ID", "Data", "Punteggio NPS", "Negozio", "Commento"}, {}, "it.csv");
  CHECK(it.text_column() == "Commento");
  CHECK(it.id_column() == "ID");
  CHECK(it.score_column() == "Punteggio NPS");
  CHECK(it.date_column() == "Data");
  CHECK(it.segment_columns() == std::vector<std::string>{"Negozio"});
  RowMapper en({"respondent_id", "date", "nps", "channel", "comment"}, {}, "en.csv");
  CHECK(en.text_column() == "comment");
  CHECK(en.score_column() == "nps");
}

TEST_CASE("RowMapper: the response id and the respondent are different columns") {
  RowMapper both({"id", "customer_id", "date", "comment"}, {}, "a.csv");
  CHECK(both.id_column() == "id");
  CHECK(both.respondent_column() == "customer_id");
  RowMapper it({"ID", "Codice Cliente", "Data", "Commento"}, {}, "b.csv");
  CHECK(it.respondent_column() == "Codice Cliente");
  // "respondent_id" is the response id when nothing else is (SurveyMonkey), else the person.
  RowMapper alone({"respondent_id", "comment"}, {}, "c.csv");
  CHECK(alone.id_column() == "respondent_id");
  CHECK(alone.respondent_column().empty());
  RowMapper qualtrics({"ResponseId", "respondent_id", "comment"}, {}, "d.csv");
  CHECK(qualtrics.id_column() == "ResponseId");
  CHECK(qualtrics.respondent_column() == "respondent_id");
  CHECK(qualtrics.segment_columns().empty());

  ColumnOptions o;
  o.respondent_col = "id";  // the file's only id names a person: rows are keyed by content
  RowMapper person({"id", "comment"}, o, "e.csv");
  CHECK(person.id_column().empty());
  CHECK(person.respondent_column() == "id");
  RawRecord rec;
  rec.line = 2;
  rec.row_number = 1;
  rec.fields = {" C1 ", "ok"};
  const InputRow row = std::get<InputRow>(person.map(rec));
  CHECK(row.respondent == "C1");
  CHECK(row.id.empty());
  CHECK(row.source_key.rfind("row:", 0) == 0);

  o.id_col = "id";
  CHECK_THROWS_WITH(RowMapper({"id", "comment"}, o, "f.csv"),
                    doctest::Contains("--id-col and --respondent-col are the same column 'id'"));
  o = {};
  o.respondent_col = "cliente";
  CHECK_THROWS_WITH(RowMapper({"id", "comment"}, o, "g.csv"),
                    doctest::Contains("column 'cliente' (--respondent-col) not found"));
}

TEST_CASE("RowMapper: a requested column that does not exist is a clear error") {
  ColumnOptions o;
  o.text_col = "verbatim";
  CHECK_THROWS_WITH(RowMapper({"id", "comment"}, o, "x.csv"),
                    doctest::Contains("x.csv:1: column 'verbatim' (--text-col) not found"));
  CHECK_THROWS_WITH(RowMapper({"id", "score"}, {}, "y.csv"),
                    doctest::Contains("no comment column"));
}

TEST_CASE("RowMapper: ragged rows and invalid UTF-8 are rejected with the reason") {
  RowMapper m({"id", "score", "comment"}, {}, "x.csv");
  RawRecord rec;
  rec.line = 5;
  rec.fields = {"1", "9"};
  auto r = m.map(rec);
  REQUIRE(std::holds_alternative<RejectedRow>(r));
  CHECK(std::get<RejectedRow>(r).reason == "expected 3 fields as in the header, found 2");
  rec.fields = {"1", "9", "bad \xC3 byte"};
  r = m.map(rec);
  REQUIRE(std::holds_alternative<RejectedRow>(r));
  CHECK(std::get<RejectedRow>(r).column == 3);
  CHECK(std::get<RejectedRow>(r).reason.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("RowMapper: bad scores and empty comments are stored with a field problem") {
  RowMapper m({"id", "score", "comment"}, {}, "x.csv");
  RawRecord rec;
  rec.line = 2;
  rec.fields = {"7", "dieci", "bello"};
  auto r = m.map(rec);
  REQUIRE(std::holds_alternative<InputRow>(r));
  auto& row = std::get<InputRow>(r);
  CHECK_FALSE(row.score.has_value());
  REQUIRE(row.issues.size() == 1);
  CHECK(row.issues[0].column == 2);
  CHECK(row.source_key == "id:7");
  rec.fields = {"8", "11", "  "};
  auto r2 = std::get<InputRow>(m.map(rec));
  CHECK(r2.issues.size() == 2);
}

TEST_CASE("RowMapper: rows without an id get stable, distinct keys even when identical") {
  RowMapper a({"comment"}, {}, "dump.txt");
  RowMapper b({"comment"}, {}, "dump.txt");
  RawRecord rec;
  rec.fields = {"ottimo"};
  const auto k1 = std::get<InputRow>(a.map(rec)).source_key;
  const auto k2 = std::get<InputRow>(a.map(rec)).source_key;
  CHECK(k1 != k2);
  CHECK(std::get<InputRow>(b.map(rec)).source_key == k1);  // same on a re-run
  CHECK(std::get<InputRow>(b.map(rec)).source_key == k2);
}

TEST_CASE("RowMapper: truncated fields and NUL bytes") {
  RowMapper m({"id", "comment"}, {}, "x.csv");
  RawRecord rec;
  rec.line = 3;
  rec.fields = {"1", "lungo"};
  rec.truncated = {2};
  auto row = std::get<InputRow>(m.map(rec));
  REQUIRE(row.issues.size() == 1);
  CHECK(row.issues[0].column == 2);
  CHECK(row.issues[0].reason.find("--max-field-bytes") != std::string::npos);
  rec.truncated.clear();
  rec.fields = {"2", std::string("a\0b", 3)};
  const auto rejected = std::get<RejectedRow>(m.map(rec));
  CHECK(rejected.column == 2);
  CHECK(rejected.reason.find("NUL byte in column 'comment' at byte 2") == 0);
}

TEST_CASE("RowMapper: a BOM inside the data is dropped; duplicate used columns are refused") {
  RowMapper m({"id", "comment"}, {}, "x.csv");
  RawRecord rec;
  rec.fields = {
      "\xEF\xBB\xBF"
      "7",
      "\xEF\xBB\xBF"
      "ciao"};
  const auto row = std::get<InputRow>(m.map(rec));
  CHECK(row.id == "7");
  CHECK(row.text == "ciao");
  CHECK_THROWS_WITH(
      RowMapper({"id", "comment", "Comment"}, {}, "d.csv"),
      doctest::Contains("d.csv:1:3: duplicate column name 'comment' (columns 2 and 3)"));
  CHECK_NOTHROW(RowMapper({"id", "comment", "x", "x"}, {}, "d.csv"));  // unused: no ambiguity
}

TEST_CASE("JSONL: a number too large for a double is a row error, not a crash (fuzzer find)") {
  JsonlReader r(
      Utf8Source::from_bytes("{\"text\":\"ok\"}\n{\"text\":\"x\",\"n\":5e808}\n", "t.jsonl", ""),
      1 << 20);
  RawRecord rec;
  REQUIRE(r.next(rec));
  REQUIRE(r.next(rec));
  REQUIRE(rec.error.has_value());
  CHECK(rec.error->line == 2);
  CHECK(rec.error->message == "unreadable JSON: number overflow parsing '5e808'");
  CHECK_THROWS_WITH(JsonlReader(Utf8Source::from_bytes("5e808e08", "f.jsonl", ""), 1 << 20),
                    doctest::Contains("f.jsonl:1:1: no line is a JSON object"));
}

TEST_CASE("content hash: XXH3-128 of length-prefixed fields, as 32 hex digits high half first") {
  for (const std::string& field :
       std::vector<std::string>{"", "a", "Consegna in ritardo", std::string(300, 'x')}) {
    ContentHasher h;
    h.add(field);
    XXH3_state_t* ref = XXH3_createState();
    XXH3_128bits_reset(ref);
    const std::uint64_t size = field.size();
    XXH3_128bits_update(ref, &size, sizeof size);
    XXH3_128bits_update(ref, field.data(), field.size());
    const XXH128_hash_t d = XXH3_128bits_digest(ref);
    XXH3_freeState(ref);
    char want[33];
    std::snprintf(want, sizeof want, "%016llx%016llx", static_cast<unsigned long long>(d.high64),
                  static_cast<unsigned long long>(d.low64));
    CHECK(h.hex() == want);
  }
}

TEST_CASE("first_invalid_utf8: the offset of the first bad byte wherever it falls") {
  for (std::size_t before = 0; before < 20; ++before) {
    CAPTURE(before);
    const std::string ascii(before, 'a');
    CHECK(first_invalid_utf8(ascii + "\xff" + std::string(9, 'b')) == before);
    CHECK(first_invalid_utf8(ascii + "\xC0\xAF tail") == before);  // overlong
    CHECK(first_invalid_utf8(ascii + "\xC3") == before);           // truncated at the end
    CHECK(first_invalid_utf8(ascii + "è😡 ok " + ascii) == std::string::npos);
  }
}

TEST_CASE("SeenHashes: says new once per hash, through growth, colliding slots and zero") {
  SeenHashes seen;
  CHECK(seen.insert(0));
  CHECK_FALSE(seen.insert(0));
  std::vector<std::uint64_t> hashes;
  for (std::uint64_t i = 1; i <= 50000; ++i) hashes.push_back(hash64(std::to_string(i)));
  for (std::uint64_t i = 1; i <= 2000; ++i) hashes.push_back(i << 40);  // same low bits
  for (const std::uint64_t h : hashes) CHECK(seen.insert(h));
  for (const std::uint64_t h : hashes) CHECK_FALSE(seen.insert(h));
  CHECK(seen.size() == hashes.size() + 1);
  CHECK(seen.contains(hashes.back()));
  CHECK(seen.contains(0));
  CHECK_FALSE(seen.contains(hash64("never inserted")));
  seen.clear();
  CHECK(seen.size() == 0);
  CHECK_FALSE(seen.contains(hashes.front()));
  CHECK_FALSE(seen.contains(0));
}

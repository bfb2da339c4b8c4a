// The .xlsx reader on workbooks built at test time (tests/xlsx_builder.h), and open_reader's
// refusal of .xls, .ods and other containers by their bytes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "helpers.h"
#include "io/open_reader.h"
#include "io/row_mapper.h"
#include "io/sampled_reader.h"
#include "io/xlsx_reader.h"
#include "xlsx_builder.h"

using namespace ascolto;
using namespace ascolto::testing;
namespace fs = std::filesystem;

namespace {

std::vector<RawRecord> all(RecordReader& r) {
  std::vector<RawRecord> out;
  RawRecord rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}

std::string error_of(const std::string& path) {
  try {
    open_reader(path, {});
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("xlsx: shared, rich and inline strings, numbers, date styles, sparse cells and rows") {
  const std::string path = survey_workbook().write(scratch("survey.xlsx"));
  XlsxReader r(path, "");
  CHECK(r.header() == std::vector<std::string>{"ID", "Data", "Voto", "Negozio", "Commento"});
  CHECK(r.describe() == "xlsx, sheet 'Risposte'");
  CHECK(r.sheet_names() == std::vector<std::string>{"Risposte", "Note"});
  const auto rows = all(r);
  REQUIRE(rows.size() == 4);  // rows 2, 3, 5, 7: the missing row 4 and empty row 6 are nothing
  CHECK(rows[0].fields ==
        std::vector<std::string>{"1", "2025-04-11", "9", "Verona", "Ottimo servizio"});
  CHECK(rows[0].line == 2);
  CHECK(rows[0].row_number == 1);
  // C3 is missing: an empty field in its place; 45759.75 in a dd/mm/yyyy hh:mm style.
  CHECK(rows[1].fields ==
        std::vector<std::string>{"2", "2025-04-12 18:00:00", "", "Padova", "Attesa & prezzi alti"});
  // A number in a "0.00" style stays a number; a formula's cached string is its value.
  CHECK(rows[2].fields ==
        std::vector<std::string>{"3", "2025-05-13", "3", "Verona", "Consegna lenta"});
  CHECK(rows[2].line == 5);
  CHECK(rows[3].line == 7);
  CHECK(rows[3].row_number == 4);
  CHECK(rows[3].raw == "4,2025-05-14,10,Padova,Tutto perfetto");
  CHECK_FALSE(r.input_hash().empty());
}

TEST_CASE("xlsx: the 1904 base shifts serials by 1462 days") {
  XlsxParts p;
  p.base_1904().styles("<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>");
  p.sheet("S",
          "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>date</t></is></c>"
          "<c r=\"B1\" t=\"inlineStr\"><is><t>comment</t></is></c></row>"
          "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>44296</v></c>"
          "<c r=\"B2\" t=\"inlineStr\"><is><t>ok</t></is></c></row>");
  XlsxReader r(p.write(scratch("base1904.xlsx")), "");
  CHECK(r.describe() == "xlsx, sheet 'S', 1904 dates");
  const auto rows = all(r);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[0] == "2025-04-11");
}

TEST_CASE("xlsx: --sheet picks a sheet by name; a missing one lists those there are") {
  const std::string path = survey_workbook().write(scratch("sheets.xlsx"));
  XlsxReader note(path, "Note");
  CHECK(note.header() == std::vector<std::string>{"comment"});
  CHECK(all(note).size() == 1);
  try {
    XlsxReader missing(path, "Foglio1");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("no sheet 'Foglio1' in the workbook; it has 'Risposte', "
                                     "'Note'") != std::string::npos);
  }
}

TEST_CASE("xlsx: cells past the header are kept, so the row mapper rejects the row") {
  XlsxParts p;
  p.sheet("S",
          "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>comment</t></is></c></row>"
          "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>ok</t></is></c>"
          "<c r=\"C2\"><v>7</v></c></row>");
  SampledReader r(std::make_unique<XlsxReader>(p.write(scratch("wide.xlsx")), ""));
  RowMapper m(r, {}, "wide.xlsx");
  RawRecord rec;
  REQUIRE(r.next(rec));
  const auto mapped = m.map(rec);
  REQUIRE(std::holds_alternative<RejectedRow>(mapped));
  CHECK(std::get<RejectedRow>(mapped).reason == "expected 1 fields as in the header, found 3");
}

TEST_CASE("xlsx: broken workbooks are an InputError, never a crash or rows of zip bytes") {
  XlsxParts bad_xml;
  bad_xml.sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row>");
  CHECK_THROWS_AS(XlsxReader(bad_xml.write(scratch("badxml.xlsx")), ""), InputError);
  XlsxParts bad_index;
  bad_index.sheet("S", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>");
  try {
    XlsxReader r(bad_index.write(scratch("badindex.xlsx")), "");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("shared string '5'") != std::string::npos);
  }
  CHECK_THROWS_AS(XlsxReader::from_bytes("PK\x03\x04 not really", "x.xlsx", ""), InputError);
}

TEST_CASE("open_reader: workbooks by their bytes; .xls, .ods and other zips get how to convert") {
  // An .xlsx named .csv is still a workbook.
  const std::string renamed = survey_workbook().write(scratch("export.csv"));
  auto reader = open_reader(renamed, {});
  CHECK(reader->describe() == "xlsx, sheet 'Risposte'");

  const fs::path xls = scratch("old.xls");
  std::ofstream(xls, std::ios::binary)
      << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(504, '\0');
  const std::string xls_error = error_of(xls.string());
  CHECK(xls_error.find("Excel 97-2003 workbook (.xls)") != std::string::npos);
  CHECK(xls_error.find("--convert-to xlsx") != std::string::npos);

  XlsxParts ods;
  ods.part("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
      .part("content.xml", "<office:document-content/>");
  const std::string ods_error = error_of(ods.write(scratch("sheet.ods")));
  CHECK(ods_error.find("OpenDocument spreadsheet (.ods)") != std::string::npos);
  CHECK(ods_error.find("save it as .xlsx or as CSV UTF-8") != std::string::npos);

  XlsxParts other;
  other.part("readme.txt", "hello");
  CHECK(error_of(other.write(scratch("bundle.zip"))).find("a zip archive that is not an .xlsx") !=
        std::string::npos);

  const fs::path fake = scratch("fake.xlsx");
  std::ofstream(fake) << "comment\nciao\n";
  CHECK(error_of(fake.string()).find("not an .xlsx workbook") != std::string::npos);
}

TEST_CASE("xlsx: a workbook with no options gives rows, scores, dates and segments") {
  const std::string path = survey_workbook().write(scratch("mapped.xlsx"));
  SampledReader r(open_reader(path, {}));
  RowMapper m(r, {}, path);
  CHECK(m.mapping().describe() ==
        "comment \"Commento\", score \"Voto\", date \"Data\", id \"ID\", respondent none, "
        "segments \"Negozio\"");
  std::vector<InputRow> rows;
  RawRecord rec;
  while (r.next(rec)) rows.push_back(std::get<InputRow>(m.map(rec)));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].score == 9);
  CHECK_FALSE(rows[1].score.has_value());
  CHECK(rows[1].date == "2025-04-12 18:00:00");
  CHECK(rows[3].segments ==
        std::vector<std::pair<std::string, std::string>>{{"Negozio", "Padova"}});
}

TEST_CASE("xlsx: Qualtrics' question and ImportId rows are recognised in a workbook too") {
  const auto cell = [](const char* ref, const char* text) {
    return std::string("<c r=\"") + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  };
  XlsxParts p;
  p.sheet("Sheet0",
          "<row r=\"1\">" + cell("A1", "ResponseId") + cell("B1", "Q1") + cell("C1", "Q2") +
              cell("D1", "Q3") + "</row><row r=\"2\">" + cell("A2", "Response ID") +
              cell("B2", "Overall, how satisfied? (0-10)") +
              cell("C2", "How likely are you to recommend us?") + cell("D2", "Why?") +
              "</row><row r=\"3\">" + cell("A3", "{&quot;ImportId&quot;:&quot;_recordId&quot;}") +
              cell("B3", "{&quot;ImportId&quot;:&quot;QID1&quot;}") +
              cell("C3", "{&quot;ImportId&quot;:&quot;QID2&quot;}") +
              cell("D3", "{&quot;ImportId&quot;:&quot;QID3_TEXT&quot;}") + "</row><row r=\"4\">" +
              cell("A4", "R_1") + "<c r=\"B4\"><v>9</v></c><c r=\"C4\"><v>4</v></c>" +
              cell("D4", "Slow delivery") + "</row>");
  SampledReader r(open_reader(p.write(scratch("qualtrics.xlsx")), {}));
  CHECK(r.describe() == "xlsx, sheet 'Sheet0', Qualtrics header rows");
  RowMapper m(r, {}, "qualtrics.xlsx");
  CHECK(m.score_column() == "Q2");
  CHECK(m.text_column() == "Q3");
  RawRecord rec;
  REQUIRE(r.next(rec));
  CHECK(rec.row_number == 1);
  CHECK(rec.line == 4);
  const auto row = std::get<InputRow>(m.map(rec));
  CHECK(row.score == 4);
  CHECK_FALSE(r.next(rec));
}

// End-to-end: survey exports with no options through the binary: the mapping line, segments and
// monthly trends in the database, `inspect`, workbooks and the refusal of .xls.
#include <doctest/doctest.h>

#include "../xlsx_builder.h"
#include "cli.h"

using namespace ascolto::testing;

TEST_CASE("analyze: a CRM extract with no options gives a monthly trend and its journey stage") {
  const std::string db = fresh_db("crm.db");
  const Result r = run_cli("analyze " + data("exports/crm-upper-snake.csv") + " --db " + db);
  CHECK(r.code == 0);
  CHECK(r.err.find("columns: comment \"CUSTOMER_COMMENTS\", score \"LIKELIHOOD_TO_RECOMMEND\" "
                   "(checked against \"NPS_GROUP\"), date \"CUSTOMER_RESPONSE_DATE\"") !=
        std::string::npos);
  CHECK(r.err.find("NPS group 'Detractor' disagrees with the score 9") != std::string::npos);
  CHECK(q(db, "SELECT count(*) FROM nps_by_month") == 2);
  CHECK(q(db, "SELECT respondents FROM nps_by_month WHERE month = '2026-05'") == 2);
  CHECK(q(db, "SELECT count(*) FROM segment_nps WHERE segment = 'SURVEY_SUB_TYPE'") == 2);
  CHECK(q(db, "SELECT count(*) FROM segments WHERE name LIKE '%EMAIL%' OR name LIKE '%PHONE%'") ==
        0);
}

TEST_CASE("analyze: an .xlsx workbook with no options; an .xls is refused with how to convert") {
  const std::string xlsx = survey_workbook().write((scratch() / "survey.xlsx").string());
  const std::string db = fresh_db("xlsx.db");
  const Result r = run_cli("analyze " + xlsx + " --db " + db);
  CHECK(r.code == 0);
  CHECK(r.err.find("4 rows read: 4 stored") != std::string::npos);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE response_date LIKE '2025-04-1%'") == 2);
  CHECK(q(db, "SELECT count(*) FROM segments WHERE name = 'Negozio'") == 4);
  const Result note = run_cli("analyze " + xlsx + " --sheet Note --out -");
  CHECK(note.code == 0);
  CHECK(json_lines(note.out).size() == 1);

  const fs::path xls = scratch() / "old.xls";
  std::ofstream(xls, std::ios::binary)
      << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(504, '\0');
  const Result refused = run_cli("analyze " + xls.string() + " --out -");
  CHECK(refused.code == 1);
  CHECK(refused.out.empty());
  CHECK(refused.err.find("Excel 97-2003 workbook (.xls)") != std::string::npos);

  // A workbook piped on standard input is named, never read as text.
  const Result piped = run_cli("analyze - --out - <" + xlsx);
  CHECK(piped.code == 1);
  CHECK(piped.out.empty());
  CHECK(piped.err.find("zip data (an .xlsx or .ods workbook?) on standard input") !=
        std::string::npos);
}

TEST_CASE("inspect: format, encoding, delimiter, mapping and the first rows, nothing analysed") {
  const Result r = run_cli("inspect " + data("exports/italian-excel.csv"));
  CHECK(r.code == 0);
  CHECK(r.out.find("format:   CSV, delimiter ';', windows-1252\n") != std::string::npos);
  CHECK(r.out.find("mapping:  comment \"Commento del cliente\", score \"Voto (0-10)\", date "
                   "\"Data risposta\" (dd/mm, from the values)") != std::string::npos);
  CHECK(r.out.find("first 4 rows:\n  line 2: id 1, score 9, date 2026-04-03, Punto "
                   "vendita=Verona, Canale di acquisto=Negozio\n") != std::string::npos);
  const Result none = run_cli("inspect " + data("exports/ambiguous-dates.csv") + " --rows 1");
  CHECK(none.out.find("first 1 rows:") != std::string::npos);
  const Result warn = run_cli("inspect " + data("no-comment-column.csv"));
  CHECK(warn.code == 1);
  CHECK(warn.err.find("no comment column found") != std::string::npos);
}

TEST_CASE("inspect: the sample rows are shown redacted, as analyze would store them") {
  const fs::path csv = scratch() / "inspect-pii.csv";
  std::ofstream(csv) << "id,score,store,comment\n"
                        "mario.rossi@example.com,3,Milano,\"Richiamatemi al 333 1234567\"\n";
  Result r = run_cli("inspect " + csv.string());
  CHECK(r.code == 0);
  CHECK(r.out.find("1234567") == std::string::npos);
  CHECK(r.out.find("mario.rossi@example.com") == std::string::npos);
  CHECK(r.out.find("[PHONE]") != std::string::npos);
  r = run_cli("inspect " + csv.string() + " --keep-pii");
  CHECK(r.out.find("333 1234567") != std::string::npos);
}

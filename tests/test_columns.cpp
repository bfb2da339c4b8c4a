// Column mapping with no options on exports shaped as survey tools and CRMs write them
// (tests/data/exports, written by make_fixtures.py), and infer_columns' rules one by one.
#include <doctest/doctest.h>

#include "common/error.h"
#include "helpers.h"
#include "io/column_mapping.h"
#include "io/open_reader.h"
#include "io/row_mapper.h"
#include "io/sampled_reader.h"

using namespace ascolto;
using namespace ascolto::testing;

namespace {

using Segments = std::vector<std::pair<std::string, std::string>>;

struct Loaded {
  ColumnMapping mapping;
  std::string format;
  std::vector<InputRow> rows;
  std::vector<RejectedRow> rejects;
};

Loaded load(const std::string& name, const ColumnOptions& options = {}) {
  const std::string path = data_dir() + "/exports/" + name;
  SampledReader reader(open_reader(path, {}));
  RowMapper mapper(reader, options, name);
  Loaded out{mapper.mapping(), reader.describe(), {}, {}};
  RawRecord rec;
  while (reader.next(rec)) {
    auto mapped = mapper.map(rec);
    if (auto* row = std::get_if<InputRow>(&mapped)) {
      out.rows.push_back(std::move(*row));
    } else {
      out.rejects.push_back(std::get<RejectedRow>(mapped));
    }
  }
  return out;
}

RawRecord record(std::vector<std::string> fields) {
  RawRecord r;
  r.fields = std::move(fields);
  return r;
}

ColumnMapping infer(const std::vector<std::string>& header,
                    const std::vector<std::vector<std::string>>& rows,
                    const ColumnOptions& options = {},
                    const std::vector<std::string>& descriptions = {}) {
  std::vector<RawRecord> sample;
  for (const auto& r : rows) sample.push_back(record(r));
  return infer_columns(header, descriptions, sample, options, "t.csv");
}

}  // namespace

TEST_CASE("exports: Qualtrics, the recommend question is Q2 (Q1 is a 0-10 satisfaction)") {
  const Loaded l = load("qualtrics.csv");
  CHECK(l.mapping.describe() ==
        "comment \"Q3\", score \"Q2\", date \"RecordedDate\", id \"ResponseId\", respondent none, "
        "segments \"Q4\"");
  CHECK(l.mapping.warnings.empty());
  REQUIRE(l.rows.size() == 4);
  CHECK(l.rejects.empty());
  CHECK(l.rows[0].score == 3);
  CHECK(l.rows[1].score == 10);
  CHECK(l.rows[0].date == "2026-03-02 10:15:23");
  CHECK(l.rows[0].id == "R_1a2B3c4D5e6F7g8");
  CHECK(l.rows[3].segments == Segments{{"Q4", "Roma"}});
}

TEST_CASE("exports: SurveyMonkey, its sub-header row, US dates with AM/PM") {
  const Loaded l = load("surveymonkey.csv");
  CHECK(l.format == "CSV, delimiter ',', UTF-8, SurveyMonkey sub-header row");
  CHECK(l.mapping.describe() ==
        "comment \"What is the main reason for your score?\", score \"How likely is it that you "
        "would recommend Acme to a friend or colleague?\", date \"End Date\" (mm/dd, from the "
        "values), id \"Respondent ID\", respondent none, segments \"Which store did you visit?\"");
  // The options of the multiple-choice question are named after it.
  CHECK(l.mapping.header[13] == "Which channels did you use? - App");
  REQUIRE(l.rows.size() == 4);  // the sub-header is not a row
  CHECK(l.rows[0].row_number == 1);
  CHECK(l.rows[0].line == 3);
  CHECK(l.rows[0].date == "2025-10-02 05:20:13");
  CHECK(l.rows[1].date == "2025-10-15 13:09:44");
  CHECK(l.rows[3].date == "2025-12-01 12:03:10");
  CHECK(l.rows[1].score == 4);
  CHECK(l.rows[2].segments == Segments{{"Which store did you visit?", "Torino"}});
  // E-mail, first and last names are never segments.
  for (const auto& s : l.mapping.segments) CHECK(s.name.find("Name") == std::string::npos);
}

TEST_CASE("exports: Google Forms in Italian, dotted times, dd/mm settled by the values") {
  const Loaded l = load("google-forms-it.csv");
  CHECK(l.mapping.describe() ==
        "comment \"Perché?\", score \"Quanto è probabile che consiglieresti Bottega Nuova a un "
        "amico o a un collega?\", date \"Informazioni cronologiche\" (dd/mm, from the values), "
        "id none, respondent none, segments \"Punto vendita\"");
  REQUIRE(l.rows.size() == 4);
  CHECK(l.rows[0].date == "2025-10-01 19:30:49");
  CHECK(l.rows[1].date == "2025-10-03 09:02:11");
  CHECK(l.rows[2].date == "2025-10-15 12:45:00");
  CHECK(l.rows[3].score == 2);
  CHECK(l.rows[3].segments == Segments{{"Punto vendita", "Modena"}});
}

TEST_CASE("exports: Google Forms in English, timestamps with AM/PM and a GMT offset") {
  const Loaded l = load("google-forms-en.csv");
  CHECK(l.mapping.describe() ==
        "comment \"What is the main reason for your score?\", score \"How likely are you to "
        "recommend Harbour Books to a friend or colleague?\", date \"Timestamp\", id none, "
        "respondent none, segments \"Which shop did you visit?\"");
  REQUIRE(l.rows.size() == 3);
  CHECK(l.rejects.empty());
  CHECK(l.rows[0].date == "2026-01-15 10:23:45");
  CHECK(l.rows[1].date == "2026-02-03 18:02:11");
  CHECK(l.rows[2].date == "2026-02-20 00:15:00");
}

TEST_CASE("exports: a helpdesk extract, the case number is the id, the owner is not a segment") {
  const Loaded l = load("crm-cases.csv");
  CHECK(l.mapping.describe() ==
        "comment \"Customer Comment\", score \"NPS Score\", date \"Created Date\" (dd/mm, from "
        "the values), id \"Case Number\", respondent none, segments \"Channel\"");
  REQUIRE(l.rows.size() == 2);
  CHECK(l.rows[0].id == "00012345");
  CHECK(l.rows[1].date == "2026-01-16");
}

TEST_CASE("exports: Typeform, '#' is the id, Submit Date (UTC), a plan found by its values") {
  const Loaded l = load("typeform.csv");
  CHECK(l.mapping.describe() ==
        "comment \"Cosa possiamo migliorare?\", score \"Quanto è probabile che ci "
        "consiglieresti a un amico?\", date \"Submit Date (UTC)\", id \"#\", respondent none, "
        "segments \"Quale piano hai?\"");
  REQUIRE(l.rows.size() == 5);
  CHECK(l.rows[0].id == "k2j4h5g6f7d8s9a0");
  CHECK(l.rows[1].date == "2026-04-12 10:03:10");
  CHECK(l.rows[3].score == 10);
  CHECK(l.rows[3].segments == Segments{{"Quale piano hai?", "Business"}});
}

TEST_CASE("exports: an Italian Excel CSV in Windows-1252 with ';'") {
  const Loaded l = load("italian-excel.csv");
  CHECK(l.format == "CSV, delimiter ';', windows-1252");
  CHECK(l.mapping.describe() ==
        "comment \"Commento del cliente\", score \"Voto (0-10)\", date \"Data risposta\" (dd/mm, "
        "from the values), id \"N. risposta\", respondent none, segments \"Punto vendita\", "
        "\"Canale di acquisto\"");
  REQUIRE(l.rows.size() == 4);
  CHECK(l.rows[0].text == "Qualità ottima, pagato 20€ in meno che altrove");
  CHECK(l.rows[0].date == "2026-04-03");
  CHECK(l.rows[2].date == "2026-04-21");
  CHECK(l.rows[1].score == 4);
  CHECK(l.rows[1].segments ==
        Segments{{"Punto vendita", "Padova"}, {"Canale di acquisto", "Online"}});
}

TEST_CASE("exports: a CRM extract in UPPER_SNAKE, its NPS group checked against the score") {
  const Loaded l = load("crm-upper-snake.csv");
  CHECK(l.mapping.describe() ==
        "comment \"CUSTOMER_COMMENTS\", score \"LIKELIHOOD_TO_RECOMMEND\" (checked against "
        "\"NPS_GROUP\"), date \"CUSTOMER_RESPONSE_DATE\", id \"RESPONSE_ID\", respondent "
        "\"CUSTOMER_ID\", segments \"SURVEY_SUB_TYPE\"");
  REQUIRE(l.rows.size() == 4);
  CHECK(l.rows[0].date == "2026-04-11");
  CHECK(l.rows[1].respondent == "C-1002");
  CHECK(l.rows[2].segments == Segments{{"SURVEY_SUB_TYPE", "Installation"}});
  CHECK(l.rows[0].issues.empty());
  // Row 4 says Detractor with a 9: the score is kept, the disagreement recorded.
  REQUIRE(l.rows[3].issues.size() == 1);
  CHECK(l.rows[3].score == 9);
  CHECK(l.rows[3].issues[0].field == "NPS_GROUP");
  CHECK(l.rows[3].issues[0].reason ==
        "NPS group 'Detractor' disagrees with the score 9 (a promoter); the score is kept");
}

TEST_CASE("exports: a journey file, stages by name, a path by its values, month names") {
  const Loaded l = load("journey.csv");
  CHECK(l.mapping.describe() ==
        "comment \"Commento\", score \"Voto\", date \"Quando\", id \"id\", respondent none, "
        "segments \"Fase\", \"Touchpoint\", \"Percorso\"");
  REQUIRE(l.rows.size() == 5);
  CHECK(l.rows[0].date == "2026-04-11");
  CHECK(l.rows[1].date == "2026-04-11");
  CHECK(l.rows[2].date == "2026-05-02");
  CHECK(l.rows[3].date == "2026-05-03");
  CHECK(l.rows[4].date == "2026-05-04");
  CHECK(l.rows[2].segments == Segments{{"Fase", "Assistenza"},
                                       {"Touchpoint", "Telefono"},
                                       {"Percorso", "Cliente abituale"}});
}

TEST_CASE("dates: no value settles the order: dd/mm, said so; --date-order contradicted warns") {
  const Loaded l = load("ambiguous-dates.csv");
  CHECK(l.mapping.describe().find("date \"date\" (dd/mm, the default: no value settles it)") !=
        std::string::npos);
  CHECK(l.rows[0].date == "2026-04-03");

  ColumnOptions mdy;
  set_date_order(mdy, "mdy");
  const Loaded g = load("google-forms-it.csv", mdy);
  CHECK(g.mapping.date_order == DateOrder::MonthFirst);
  CHECK(g.mapping.describe().find("(mm/dd, as given)") != std::string::npos);
  REQUIRE(g.mapping.warnings.size() == 1);
  CHECK(g.mapping.warnings[0] ==
        "--date-order says mm/dd but \"Informazioni cronologiche\" has \"15/10/2025 12.45.00\", "
        "only valid as dd/mm: check the order (dates that do not fit are stored without one)");

  const ColumnMapping both = infer({"date", "comment"}, {{"13/01/2026", "a"}, {"01/13/2026", "b"}});
  REQUIRE(both.warnings.size() == 2);  // no score, and the dates
  CHECK(both.warnings[1].find("are written both ways (\"13/01/2026\" is dd/mm, \"01/13/2026\" is "
                              "mm/dd)") != std::string::npos);
}

TEST_CASE("columns: warnings name the columns seen when no score or no date is found") {
  const ColumnMapping m = infer({"Commento", "Negozio"}, {{"ottimo", "Roma"}, {"male", "Roma"}});
  REQUIRE(m.warnings.size() == 2);
  CHECK(m.warnings[0] ==
        "no score column found among \"Commento\", \"Negozio\"; NPS needs one: "
        "name it with --score-col");
  CHECK(m.warnings[1] ==
        "no date column found among \"Commento\", \"Negozio\"; trends need one: "
        "name it with --date-col");
}

TEST_CASE("columns: values decide when names say nothing") {
  const ColumnMapping m =
      infer({"c1", "c2", "c3", "c4", "c5"},
            {{"2026-01-03", "9", "Servizio veloce e cortese, grazie", "Nord", "1"},
             {"2026-01-04", "2", "Mai più, ho aspettato un'ora", "Sud", "2"},
             {"2026-01-05", "7", "Nella media, niente di speciale", "Nord", "3"},
             {"2026-01-09", "10", "Perfetto in tutto", "Sud", "4"}});
  CHECK(m.text == 2);
  CHECK(m.score == 1);  // c5 counts 1, 2, 3...: a row number, never a score
  CHECK(m.date == 0);
  REQUIRE(m.segments.size() == 1);
  CHECK(m.segments[0].name == "c4");
}

TEST_CASE("columns: several 0-10 columns and no name: none is guessed, the warning says so") {
  const ColumnMapping m = infer({"a", "b", "comment"}, {{"3", "9", "x"}, {"8", "1", "y"}});
  CHECK(m.score == ColumnMapping::kNone);
  REQUIRE_FALSE(m.warnings.empty());
  CHECK(m.warnings[0] ==
        "several columns hold 0-10 answers (\"a\", \"b\"): none taken as the "
        "score; name it with --score-col");
}

TEST_CASE("columns: e-mail, name, phone, free text and NPS group are never segments") {
  // Each of these repeats few short values, as a segment does: their names or values rule
  // them out.
  const ColumnMapping m = infer({"comment", "Nome", "Telefono", "contatto", "Gruppo", "score"},
                                {{"a", "Anna", "+39 333 1", "anna@example.it", "Promotore", "9"},
                                 {"b", "Anna", "+39 333 1", "anna@example.it", "Detrattore", "3"},
                                 {"c", "Ugo", "+39 333 2", "ugo@example.it", "Promotore", "10"}});
  CHECK(m.nps_group == 4);
  CHECK(m.segments.empty());
  const ColumnMapping long_text =
      infer({"comment", "Note"},
            {{"a", "Il cliente ha chiamato due volte per la stessa fattura sbagliata"},
             {"b", "Il cliente ha chiamato due volte per la stessa fattura sbagliata"},
             {"c", "Richiamato, risolto dopo una settimana di attesa e tre solleciti"}});
  CHECK(long_text.segments.empty());
}

TEST_CASE("columns: --segment-col NAME=A,B merges columns naming the same thing") {
  ColumnOptions o;
  o.segment_cols = {"store=Negozio,Store"};
  const ColumnMapping it = infer({"comment", "Negozio"}, {}, o);
  REQUIRE(it.segments.size() == 1);
  CHECK(it.segments[0].name == "store");
  CHECK(it.describe().find("segments store = \"Negozio\"") != std::string::npos);
  const ColumnMapping both = infer({"comment", "Store", "Negozio"}, {}, o);
  CHECK(both.segments[0].columns == std::vector<std::size_t>{2, 1});
  RowMapper mapper(both, "t.csv");
  const auto row = std::get<InputRow>(mapper.map(record({"ciao", "Milano", ""})));
  CHECK(row.segments == Segments{{"store", "Milano"}});
  const auto first = std::get<InputRow>(mapper.map(record({"ciao", "Milano", "Roma"})));
  CHECK(first.segments == Segments{{"store", "Roma"}});
  CHECK_THROWS_AS(infer({"comment", "Shop"}, {}, o), InputError);
}

TEST_CASE("columns: a column of long varied text is the comment when no name says so") {
  const ColumnMapping m =
      infer({"Domanda 1", "Domanda 2"},
            {{"Sì", "Il personale è stato gentile ma la consegna è arrivata tardi"},
             {"No", "Non consiglierei questo negozio a nessuno, prezzi troppo alti"},
             {"Sì", "Tutto bene"}});
  CHECK(m.text == 1);
}

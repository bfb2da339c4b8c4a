// End-to-end: `ascolto analyze` on the shipped examples, then `ascolto report` in every format;
// the JSON figures must equal, to the printed digit, what the views give any SQL client.
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <fstream>

#include "cli.h"
#include "store/schema.h"

using namespace ascolto::testing;
using nlohmann::json;

namespace {

const std::string& examples_db() {
  static const std::string db = [] {
    const std::string path = fresh_db("report-examples.db");
    const Result r = run_cli("analyze " + examples("survey-it.csv") + " " +
                             examples("survey-en.csv") + " " + examples("survey-mixed.csv") + " " +
                             examples("qualtrics-export.csv") + " --db " + path);
    REQUIRE(r.code <= 1);  // 1: a few rows have a field problem, kept in rejects
    return path;
  }();
  return db;
}

json report(const std::string& options) {
  const Result r = run_cli("report --db " + examples_db() + " --format json " + options);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

// Checks that every column of the view's rows equals the same field of the report's objects,
// matched in order. Returns the number of rows compared.
std::size_t check_equal(const json& objects, const std::string& sql) {
  SQLite::Database db(examples_db(), SQLite::OPEN_READONLY);
  SQLite::Statement st(db, sql);
  std::size_t row = 0;
  while (st.executeStep()) {
    REQUIRE(row < objects.size());
    const json& o = objects[row];
    for (int c = 0; c < st.getColumnCount(); ++c) {
      const std::string name = st.getColumnName(c);
      const SQLite::Column v = st.getColumn(c);
      CAPTURE(row);
      CAPTURE(name);
      REQUIRE(o.contains(name));
      if (v.isNull()) {
        CHECK(o[name].is_null());
      } else if (o[name].is_boolean()) {  // SQL has no boolean: flags are 0 or 1
        CHECK(o[name].get<bool>() == (v.getInt64() != 0));
      } else if (v.isInteger()) {
        CHECK(o[name].get<std::int64_t>() == v.getInt64());
      } else if (v.isFloat()) {
        CHECK(o[name].get<double>() == v.getDouble());
      } else {
        CHECK(o[name].get<std::string>() == v.getString());
      }
    }
    ++row;
  }
  CHECK(row == objects.size());
  return row;
}

const char* kRespondentColumns =
    "SELECT period, respondents, new_respondents, returning_respondents, "
    "unidentified_respondents, responses, comments, comments_per_respondent";

const char* kNpsColumns =
    "respondents, promoters, passives, detractors, nps, nps_margin, nps_low, nps_high, "
    "nps_method, responses, detractor_pct, churn_intent_pct, repeat_contact_pct";

}  // namespace

TEST_CASE("report --format json: periods, segments, themes and respondents equal the views") {
  for (const char* by : {"week", "month", "quarter"}) {
    CAPTURE(by);
    const json j = report(std::string("--by ") + by + " --segment channel");
    CHECK(check_equal(j["periods"], std::string("SELECT period, ") + kNpsColumns +
                                        " FROM nps_by_period WHERE granularity = '" + by +
                                        "' ORDER BY period") >= 2);
    CHECK(check_equal(j["respondents"], std::string(kRespondentColumns) +
                                            " FROM respondents_by_period WHERE granularity = '" +
                                            by + "' ORDER BY period") >= 2);
  }
  // survey-mixed.csv has a customer_id: some customers answer again in later months.
  SQLite::Database db(examples_db(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT sum(returning_respondents) FROM respondents_by_period WHERE "
                      "granularity = 'month'")
            .getInt64() >= 10);
  const json j = report("--segment channel");
  CHECK(check_equal(j["segments"], std::string("SELECT value, ") + kNpsColumns +
                                       " FROM segment_nps WHERE segment = 'channel' ORDER BY "
                                       "responses DESC, value") == 4);
  // The themes in the report's order (by impact), read from theme_stats and theme_impact.
  json themes = json::array();
  std::string order = "CASE theme";
  int rank = 0;
  for (const json& t : j["themes"]) {
    themes.push_back(t);
    order += " WHEN '" + t["theme"].get<std::string>() + "' THEN " + std::to_string(rank++);
  }
  order += " END";
  CHECK(check_equal(themes,
                    "SELECT theme, parent, label_en, label_it, respondents, share_pct, mentions, "
                    "mean_sentiment, negative_pct, net_sentiment, complaints, suggestions, "
                    "scored, nps, nps_margin, nps_low, nps_high, small_sample FROM theme_stats "
                    "ORDER BY " +
                        order) > 20);
  json with_impact = json::array();
  for (const json& t : themes) {
    if (!t["impact"].is_null()) with_impact.push_back(t);
  }
  CHECK(check_equal(with_impact,
                    "SELECT theme, impact, impact_margin, impact_low, impact_high FROM "
                    "theme_impact ORDER BY " +
                        order) == with_impact.size());
  // Overall NPS: +12.9 on the 342 example responses (151 P, 84 passive, 107 D).
  CHECK(j["overall"]["nps"] == 12.9);
  CHECK(j["overall"]["respondents"] == 342);
}

TEST_CASE("report: what detractors talk about, what changed, representative comments") {
  const json j = report("--by quarter");
  bool delivery = false;
  for (const json& t : j["themes"]) {
    if (t["theme"] != "delivery") continue;
    delivery = true;
    CHECK(t["by_band"]["detractor"]["respondents"].get<int>() > 0);
    CHECK(t["by_band"]["detractor"]["net_sentiment"].get<double>() < 0);
  }
  CHECK(delivery);
  CHECK(j["changes"]["previous"] == "2026-Q1");
  CHECK(j["changes"]["current"] == "2026-Q2");
  for (const json& c : j["changes"]["themes"]) {
    CHECK(c["significant"] == true);
    CHECK(c["p_value"].get<double>() < 0.05);
  }
  REQUIRE_FALSE(j["examples"].empty());
  for (const json& e : j["examples"]) {
    CHECK_FALSE(e["matched"].get<std::string>().empty());
    CHECK(e["end"].get<int>() > e["start"].get<int>());
  }
}

TEST_CASE("report: terminal tables, CSV, HTML, Italian labels, date range") {
  const Result text = run_cli("report --db " + examples_db() + " --segment store");
  CHECK(text.code == 0);
  CHECK(text.out.find("Themes ranked by impact on NPS") != std::string::npos);
  CHECK(text.out.find("NPS: +12.9 (95% interval +3.8 … +22.0, n 342)") != std::string::npos);
  CHECK(text.out.find("Segment: store") != std::string::npos);
  CHECK(text.out.find("Churn intent %  Repeat contact %") != std::string::npos);  // effort
  CHECK(text.out.find("\x1b[") == std::string::npos);  // no colour in a pipe

  const Result it = run_cli("report --db " + examples_db() + " --ui-lang it --by quarter");
  CHECK(it.out.find("Temi ordinati per impatto") != std::string::npos);

  const Result csv = run_cli("report --db " + examples_db() + " --format csv");
  CHECK(csv.out.rfind("section,group,theme,measure,value\n", 0) == 0);
  CHECK(csv.out.find("overall,,,nps,12.9\n") != std::string::npos);

  const fs::path html = scratch() / "report.html";
  fs::remove(html);
  CHECK(run_cli("report --db " + examples_db() + " --format json --html " + html.string()).code ==
        0);
  const std::string page = slurp(html);
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("<mark>") != std::string::npos);

  // One segment value: its overall figures are that value's row of segment_nps.
  const json store = report("--where channel=store");
  CHECK(check_equal(json::array({store["overall"]}),
                    std::string("SELECT ") + kNpsColumns +
                        " FROM segment_nps WHERE segment = 'channel' AND value = 'store'") == 1);

  const json april = report("--since 2026-04-01 --until 2026-04-30");
  CHECK(april["overall"]["respondents"] == 56);
  CHECK(april["overall"]["nps"] == -7.1);  // the worst month of the examples
  REQUIRE(april["periods"].size() == 1);
}

TEST_CASE("report: bad options are usage errors that say what was expected") {
  const std::string db = " --db " + examples_db();
  const Result by = run_cli("report" + db + " --by year");
  CHECK(by.code == 2);
  CHECK(by.err.find("expected week, month or quarter") != std::string::npos);
  const Result since = run_cli("report" + db + " --since 01/04/2026");
  CHECK(since.code == 2);
  CHECK(since.err.find("expected a date YYYY-MM-DD") != std::string::npos);
  CHECK(run_cli("report" + db + " --format xml").code == 2);
  CHECK(run_cli("report" + db + " --ui-lang fr").code == 2);
  const Result segment = run_cli("report" + db + " --segment colour");
  CHECK(segment.code == 2);
  CHECK(segment.err.find("no segment column named 'colour'") != std::string::npos);
  const Result dir = run_cli("report" + db + " --html /nonexistent-dir/x.html");
  CHECK(dir.code == 4);  // an output error
  CHECK(dir.err.find("cannot write '/nonexistent-dir/x.html'") != std::string::npos);
}

TEST_CASE("report: a list mode with an output it would not write is a usage error") {
  const std::string db = " --db " + examples_db();
  const fs::path xlsx = scratch() / "never.xlsx";
  fs::remove(xlsx);
  Result r = run_cli("report" + db + " --follow-up --xlsx " + xlsx.string());
  CHECK(r.code == 2);
  CHECK(r.err.find("--follow-up prints its list only") != std::string::npos);
  CHECK_FALSE(fs::exists(xlsx));
  CHECK(run_cli("report" + db + " --uncovered --html " + (scratch() / "x.html").string()).code ==
        2);
  r = run_cli("report" + db + " --uncovered --format json");
  CHECK(r.code == 2);
  CHECK(r.err.find("--format 'json' does not apply") != std::string::npos);
  CHECK(run_cli("report" + db + " --follow-up --uncovered").code == 2);
  CHECK(run_cli("report" + db + " --follow-up --format csv").code == 0);
  CHECK(run_cli("report" + db + " --csv-layout wide").code == 2);  // text format
  r = run_cli("report" + db + " --format csv --csv-layout wide");
  CHECK(r.code == 0);
  CHECK(r.out.rfind("section,group,theme,", 0) == 0);
  CHECK(r.out.find(",measure,value") == std::string::npos);
}

TEST_CASE("report --format csv: a segment value that looks like a formula is neutralised") {
  const std::string db = fresh_db("formula.db");
  REQUIRE(run_cli("analyze " + data("formula-segment.csv") + " --db " + db).code == 0);
  CHECK(qs(db, "SELECT value FROM segments WHERE value LIKE '=%'") == "=HYPERLINK(\"http://x\")");
  const Result r = run_cli("report --db " + db + " --segment store --format csv --min-n 1");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
  CHECK(r.out.find(",=HYPERLINK") == std::string::npos);
  // ... also where it names a cell of the segment x period grid.
  CHECK(r.out.find("\nsegment_nps_by_period,\"'=HYPERLINK(\"\"http://x\"\") / 2026-01\",,") !=
        std::string::npos);
}

TEST_CASE(
    "report --format csv: the breakdowns as in the JSON, filtered, same in every UI language") {
  const std::string args = " --db " + examples_db() + " --segment store --where channel=store";
  const json j = json::parse(run_cli("report" + args + " --format json").out);
  const Result csv = run_cli("report" + args + " --format csv");
  REQUIRE(csv.code == 0);
  CHECK(run_cli("report" + args + " --format csv --ui-lang it").out == csv.out);
  const auto number = [](const json& v) { return v.is_null() ? std::string() : v.dump(); };
  REQUIRE(!j["theme_by_period"].empty());
  REQUIRE(!j["segment_nps_by_period"].empty());
  REQUIRE(!j["theme_by_segment"].empty());
  for (const json& c : j["theme_by_period"]) {
    const std::string line = "\ntheme_by_period," + c["period"].get<std::string>() + "," +
                             c["theme"].get<std::string>() + ",impact," + number(c["impact"]) +
                             "\n";
    CHECK_MESSAGE(csv.out.find(line) != std::string::npos, line);
  }
  for (const json& c : j["segment_nps_by_period"]) {
    const std::string line = "\nsegment_nps_by_period," + c["value"].get<std::string>() + " / " +
                             c["period"].get<std::string>() + ",,nps," + number(c["nps"]) + "\n";
    CHECK_MESSAGE(csv.out.find(line) != std::string::npos, line);
  }
  for (const json& c : j["theme_by_segment"]) {
    const std::string line = "\ntheme_by_segment," + c["value"].get<std::string>() + "," +
                             c["theme"].get<std::string>() + ",small_sample," +
                             number(c["small_sample"]) + "\n";
    CHECK_MESSAGE(csv.out.find(line) != std::string::npos, line);
  }
  const Result wide = run_cli("report" + args + " --format csv --csv-layout wide");
  CHECK(wide.out.find("\nsegment_nps_by_period,") != std::string::npos);
  CHECK(wide.out.substr(0, wide.out.find('\n')).find(",period,value") != std::string::npos);
}

TEST_CASE("analyze: a customer column; returning customers per period, report equals the view") {
  const std::string db = fresh_db("waves.db");
  const Result first = run_cli("analyze " + data("waves.csv") + " --db " + db);
  REQUIRE(first.code == 0);
  CHECK(q(db, "SELECT count(*) FROM responses") == 9);
  CHECK(q(db, "SELECT count(DISTINCT respondent_id) FROM responses") == 4);
  CHECK(qs(db, "SELECT respondent_id FROM responses WHERE source_id = 'W04'") == "C1");
  CHECK(q(db, "SELECT count(*) FROM responses WHERE respondent_id IS NULL AND source_id = 'W06'") ==
        1);
  CHECK(qs(db, "SELECT json_extract(inputs, '$[0].columns.respondent') FROM runs") ==
        "customer_id");
  // A re-run stores nothing twice.
  REQUIRE(run_cli("analyze " + data("waves.csv") + " --db " + db).code == 0);
  CHECK(q(db, "SELECT count(*) FROM responses") == 9);
  CHECK(q(db, "SELECT rows_unchanged FROM runs WHERE id = 2") == 9);

  // By hand. January: C1, C2 new. February: C3 new, C1 back (twice), W06 without a customer.
  // April: C4 new, C2 and C3 back.
  const auto row = [&](const char* granularity, const char* period) {
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    SQLite::Statement st(d,
                         "SELECT respondents, new_respondents, returning_respondents, "
                         "unidentified_respondents, responses, comments_per_respondent FROM "
                         "respondents_by_period WHERE granularity = ? AND period = ?");
    st.bind(1, granularity);
    st.bind(2, period);
    REQUIRE(st.executeStep());
    return std::vector<double>{st.getColumn(0).getDouble(), st.getColumn(1).getDouble(),
                               st.getColumn(2).getDouble(), st.getColumn(3).getDouble(),
                               st.getColumn(4).getDouble(), st.getColumn(5).getDouble()};
  };
  CHECK(row("month", "2026-01") == std::vector<double>{2, 2, 0, 0, 2, 1.0});
  CHECK(row("month", "2026-02") == std::vector<double>{3, 1, 1, 1, 4, 1.33});
  CHECK(row("month", "2026-04") == std::vector<double>{3, 1, 2, 0, 3, 1.0});
  CHECK(row("quarter", "2026-Q1") == std::vector<double>{4, 3, 0, 1, 6, 1.5});
  CHECK(row("quarter", "2026-Q2") == std::vector<double>{3, 1, 2, 0, 3, 1.0});

  const Result rep = run_cli("report --db " + db + " --format json --min-n 1");
  REQUIRE(rep.code == 0);
  const json j = json::parse(rep.out);
  REQUIRE(j["respondents"].size() == 3);
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  SQLite::Statement st(d, std::string(kRespondentColumns) +
                              " FROM respondents_by_period WHERE granularity = 'month' ORDER BY "
                              "period");
  for (const json& p : j["respondents"]) {
    REQUIRE(st.executeStep());
    for (int c = 0; c < st.getColumnCount(); ++c) {
      CAPTURE(st.getColumnName(c));
      const json& v = p[st.getColumnName(c)];
      if (v.is_string()) {
        CHECK(v.get<std::string>() == st.getColumn(c).getString());
      } else {
        CHECK(v.get<double>() == st.getColumn(c).getDouble());
      }
    }
  }
  const Result text = run_cli("report --db " + db + " --min-n 1");
  CHECK(text.out.find("No respondent id") != std::string::npos);

  // The customer column taken for the response id: repeated customers are rejected, with the
  // option that fixes it in the message.
  const std::string wrong = fresh_db("waves-wrong.db");
  const Result r = run_cli("analyze " + data("waves.csv") + " --id-col customer_id --db " + wrong);
  CHECK(r.code == 1);
  CHECK(r.err.find("duplicate id 'C1' in column 'customer_id'") != std::string::npos);
  CHECK(r.err.find("pass --respondent-col 'customer_id'") != std::string::npos);
}

TEST_CASE("analyze upgrades a version 4 database: response ids move, customers fill in") {
  const std::string db = fresh_db("waves-v4.db");
  {
    // waves.csv as the version 4 writer stored it: the response id in respondent_id.
    SQLite::Database old(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ascolto::migrate(old, 4);
    old.exec(
        "INSERT INTO runs (id, started_at, status, tool_version, inputs, lexicon_hash, options) "
        "VALUES (1, 'x', 'completed', 'old', '[]', 'lex', '{}')");
    for (int i = 1; i <= 9; ++i) {
      const std::string id = "W0" + std::to_string(i);
      old.exec(
          "INSERT INTO responses (source_key, content_hash, run_id, source_file, "
          "source_line, respondent_id, response_date, lang, text, sentences, sentiment, "
          "label) VALUES ('id:" +
          id + "', 'old', 1, 'waves.csv', " + std::to_string(i + 1) + ", '" + id +
          "', '2026-01-10', 'en', 'x', 1, 0, 'neutral')");
    }
  }
  CHECK(run_cli("report --db " + db).code == 2);  // not upgraded yet: says how
  REQUIRE(run_cli("analyze " + data("waves.csv") + " --db " + db).code == 0);
  CHECK(q(db, "PRAGMA user_version") == ascolto::kSchemaVersion);
  CHECK(q(db, "SELECT count(*) FROM responses") == 9);
  CHECK(q(db, "SELECT rows_updated FROM runs WHERE id = 2") == 9);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE source_id = respondent_id") == 0);
  CHECK(qs(db, "SELECT respondent_id FROM responses WHERE source_id = 'W07'") == "C2");
  CHECK(q(db,
          "SELECT returning_respondents FROM respondents_by_period WHERE granularity = "
          "'quarter' AND period = '2026-Q2'") == 2);
}

TEST_CASE("report: no significance on small groups, asymmetric intervals as lo … hi") {
  // Roma has one respondent (a promoter): +100 against the rest's +12.6 is p < 0.05, but one
  // respondent proves nothing. Its adjusted interval -48.5 … +98.5 is widened to hold +100.
  const std::string db = " --db " + examples_db() + " --segment store";
  const Result text = run_cli("report" + db);
  REQUIRE(text.code == 0);
  CHECK(text.out.find("  Roma                  1  +100.0*  -48.5 … +100.0  +87.4   ") !=
        std::string::npos);
  CHECK(text.out.find("±73.5") == std::string::npos);
  const json j = report("--segment store");
  bool roma = false;
  for (const json& s : j["segments"]) {
    if (s["value"] != "Roma") continue;
    roma = true;
    CHECK(s["change"]["significant"] == false);
    CHECK(s["change"]["small_sample"] == true);
    CHECK(s["change"]["p_value"].get<double>() < 0.05);
    CHECK(s["nps_margin"].is_null());  // asymmetric: no single margin
    CHECK(s["nps_low"] == -48.5);
    CHECK(s["nps_high"] == 100.0);
  }
  CHECK(roma);
  const Result csv = run_cli("report" + db + " --format csv");
  CHECK(csv.out.find("segment,Roma,,change.significant,false\n") != std::string::npos);
  CHECK(csv.out.find("segment,Roma,,nps_margin,\n") != std::string::npos);
  const fs::path html = scratch() / "small.html";
  REQUIRE(run_cli("report" + db + " --html " + html.string()).code == 0);
  const std::string page = slurp(html);
  const std::size_t row = page.find("<tr><td>Roma</td>");
  REQUIRE(row != std::string::npos);
  const std::string roma_row = page.substr(row, page.find("</tr>", row) - row);
  CHECK(roma_row.find("+87.4</td>") != std::string::npos);
  CHECK(roma_row.find("class=") == std::string::npos);  // neither colour nor arrow
  // The same groups with --min-n 1 are tested as they are.
  const Result tested = run_cli("report" + db + " --min-n 1");
  CHECK(tested.out.find("+87.4 ↑") != std::string::npos);
}

TEST_CASE("report: what changed is coloured by good or bad news, not by sign") {
  // June against May: opening hours, complained of (net sentiment -80), are mentioned more:
  // bad news with an up arrow. Price (net sentiment +7.4, interval across zero) is neither.
  const json j = report("");
  bool hours = false, price = false;
  for (const json& c : j["changes"]["themes"]) {
    if (c["theme"] == "store.opening_hours" && c["measure"] == "volume") {
      hours = true;
      CHECK(c["delta"].get<double>() > 0);
      CHECK(c["good_news"] == false);
    }
    if (c["theme"] == "price" && c["measure"] == "volume") {
      price = true;
      CHECK(c["good_news"].is_null());
    }
  }
  CHECK(hours);
  CHECK(price);
  const fs::path html = scratch() / "changes.html";
  REQUIRE(run_cli("report --db " + examples_db() + " --html " + html.string()).code == 0);
  const std::string page = slurp(html);
  CHECK(page.find("<td class=\"bad\">+6.5 ↑</td>") != std::string::npos);
  CHECK(page.find("<td>-21.0 ↓</td>") != std::string::npos);
}

TEST_CASE("report: an unknown --where column or value is a usage error listing what exists") {
  const std::string db = " --db " + examples_db();
  const Result value = run_cli("report" + db + " --where store=Nowhere");
  CHECK(value.code == 2);
  CHECK(value.out.empty());
  CHECK(value.err.find("no response has store 'Nowhere'; values: London, Manchester, Milano, "
                       "Roma") != std::string::npos);
  const Result column = run_cli("report" + db + " --where colour=red --format json");
  CHECK(column.code == 2);
  CHECK(column.err.find("no segment column named 'colour'; columns: ") != std::string::npos);
  CHECK(column.err.find("store") != std::string::npos);
  const Result segment = run_cli("report" + db + " --segment colour");
  CHECK(segment.err.find("columns: ") != std::string::npos);
}

TEST_CASE("report: the opening block covers the filtered responses, in the report's language") {
  // Roma: one response, a promoter.
  const Result it = run_cli("report --db " + examples_db() + " --where store=Roma --ui-lang it");
  REQUIRE(it.code == 0);
  CHECK(it.out.rfind("Da dove partire\n", 0) == 0);  // the summary opens the report
  CHECK(it.out.find("\n\nRisposte: 1 (1 con un voto NPS)\nNPS: +100.0   Promotori 1, Passivi 0, "
                    "Detrattori 0\n") != std::string::npos);
  CHECK(it.out.find("filtri: store=Roma.") != std::string::npos);
  CHECK(it.out.find("Temi principali") != std::string::npos);
  CHECK(it.out.find("Responses") == std::string::npos);
  const Result april =
      run_cli("report --db " + examples_db() + " --since 2026-04-01 --until 2026-04-30");
  CHECK(april.out.find("\n\nResponses: 56 (56 with an NPS score)\nNPS: -7.1 ") !=
        std::string::npos);
  CHECK(april.out.find("Based on 56 Responses (56 scored), 2026-04-") != std::string::npos);
  // Its top themes are the report's themes: a theme's respondents equal the JSON's.
  const json j = report("--since 2026-04-01 --until 2026-04-30");
  for (const json& t : j["themes"]) {
    if (t["theme"] != "delivery") continue;
    CHECK(april.out.find("  Delivery  ") != std::string::npos);
    CHECK(april.out.find(" " + std::to_string(t["respondents"].get<int>()) + "  ") !=
          std::string::npos);
  }
}

TEST_CASE("report: every write is checked, the database is never an output") {
  const std::string db = " --db " + examples_db();
  const std::string bin = env_or("ASCOLTO_BIN", "build/ascolto");
  const fs::path err = scratch() / "full-stderr";
  for (const char* format : {"text", "csv", "json"}) {
    CAPTURE(format);
    // run_cli redirects standard output itself: the command is run here with /dev/full.
    const int status = std::system(
        (bin + " report" + db + " --format " + format + " >/dev/full 2>" + err.string()).c_str());
    CHECK(WEXITSTATUS(status) == 4);
    CHECK(slurp(err).find("cannot write to standard output: No space left on device") !=
          std::string::npos);
  }
  const Result html = run_cli("report" + db + " --format json --html /dev/full");
  CHECK(html.code == 4);
  CHECK(html.err.find("cannot write '/dev/full': No space left on device") != std::string::npos);

  const std::string victim = fresh_db("victim.db");
  REQUIRE(run_cli("analyze " + data("formula-segment.csv") + " --db " + victim).code == 0);
  const Result same = run_cli("report --db " + victim + " --html " + victim);
  CHECK(same.code == 4);
  CHECK(same.err.find("is the database") != std::string::npos);
  // Another spelling of the same file is the same file.
  const Result link = run_cli("report --db " + victim + " --html " +
                              (fs::path(victim).parent_path() / "." / "victim.db").string());
  CHECK(link.code == 4);
  CHECK(q(victim, "SELECT count(*) FROM responses") == 2);  // still a database

  const Result xlsx_same = run_cli("report --db " + victim + " --xlsx " + victim);
  CHECK(xlsx_same.code == 4);
  CHECK(xlsx_same.err.find("is the database") != std::string::npos);
  CHECK(q(victim, "SELECT count(*) FROM responses") == 2);
  const std::string missing = (scratch() / "no-such-dir" / "r.xlsx").string();
  const Result xlsx_dir = run_cli("report" + db + " --xlsx " + missing);
  CHECK(xlsx_dir.code == 4);
  CHECK(xlsx_dir.err.find("cannot write '" + missing + "'") != std::string::npos);
  const std::string book = (scratch() / "report.xlsx").string();
  fs::remove(book);
  CHECK(run_cli("report" + db + " --segment store --xlsx " + book).code == 0);
  CHECK(fs::file_size(book) > 0);
}

TEST_CASE("report: terminal escapes in the data are shown, not obeyed") {
  const fs::path csv = scratch() / "escapes.csv";
  {
    std::ofstream out(csv, std::ios::binary);
    out << "id,date,score,store,comment\n"
        << "E1,2026-01-10,9,\"\x1b[31mRoma\x1b]52;c;aGk=\x07\",Ottimo servizio\n"
        << "E2,2026-01-11,3,\"Mi\xe2\x80\xae"
           "lano\",Consegna in ritardo\n";
  }
  const std::string db = fresh_db("escapes.db");
  REQUIRE(run_cli("analyze " + csv.string() + " --db " + db).code <= 1);
  const Result r = run_cli("report --db " + db + " --segment store --min-n 1");
  REQUIRE(r.code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);
  CHECK(r.out.find("\\x1B[31mRoma\\x1B]52;c;aGk=\\x07") != std::string::npos);
  CHECK(r.out.find("Mi\\u202Elano") != std::string::npos);
  const Result where = run_cli("report --db " + db + " --where store=Nowhere");
  CHECK(where.err.find('\x1b') == std::string::npos);
}

TEST_CASE("report --follow-up: detractors, churn intent and repeat contact, newest first, as CSV") {
  const Result r = run_cli("report --db " + examples_db() + " --follow-up");
  REQUIRE(r.code == 0);
  const std::string header = "response_id,respondent,date,segments,score,reasons,themes,comment\n";
  REQUIRE(r.out.rfind(header, 0) == 0);
  // The first field of every record (quoted cells may hold line ends).
  std::vector<std::string> ids;
  bool quoted = false, record_start = true;
  for (std::size_t i = header.size(); i < r.out.size(); ++i) {
    const char c = r.out[i];
    if (record_start) {
      ids.push_back(r.out.substr(i, r.out.find(',', i) - i));
      record_start = false;
    }
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) record_start = true;
  }
  // Exactly the responses the database says, in its order: newest first.
  SQLite::Database db(examples_db(), SQLite::OPEN_READONLY);
  SQLite::Statement st(db,
                       "SELECT id FROM responses WHERE band = 'detractor' OR churn_intent = 1 OR "
                       "repeat_contact = 1 ORDER BY response_date DESC, id DESC");
  std::vector<std::string> expected;
  while (st.executeStep()) expected.push_back(st.getColumn(0).getString());
  CHECK(expected.size() > 50);
  CHECK(ids == expected);
  CHECK(r.out.find(",detractor;churn_intent,") != std::string::npos);  // every reason named
  // Filters apply; an unknown value is a usage error; a full disk is an output error.
  const Result roma = run_cli("report --db " + examples_db() + " --follow-up --where store=Roma");
  CHECK(roma.code == 0);
  CHECK(roma.out == header);  // Roma's only respondent is a promoter
  CHECK(run_cli("report --db " + examples_db() + " --follow-up --where store=X").code == 2);
  // The HTML page ends with the same list, newest first.
  const fs::path html = scratch() / "follow-up.html";
  REQUIRE(run_cli("report --db " + examples_db() + " --format json --html " + html.string()).code ==
          0);
  const std::string page = slurp(html);
  const std::size_t section = page.find("<h2>Customers to contact back</h2>");
  REQUIRE(section != std::string::npos);
  CHECK(page.find("<td>2026-06-26</td>", section) < page.find("<td>2026-06-15</td>", section));
}

TEST_CASE("report --follow-up: cells that look like formulas are neutralised") {
  const std::string db = fresh_db("follow-formula.db");
  REQUIRE(run_cli("analyze " + data("formula-segment.csv") + " --db " + db).code == 0);
  const fs::path csv = scratch() / "formula-follow.csv";
  {
    std::ofstream out(csv, std::ios::binary);
    out << "id,date,score,store,comment\n"
        << "=1+1,2026-01-10,2,\"=HYPERLINK(\"\"http://x\"\")\",\"=cmd|' /C calc'!A0\"\n";
  }
  REQUIRE(run_cli("analyze " + csv.string() + " --db " + db).code <= 1);
  const Result r = run_cli("report --db " + db + " --follow-up");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\n=") == std::string::npos);
  CHECK(r.out.find(",=") == std::string::npos);
  CHECK(r.out.find(",'=cmd|' /C calc'!A0\n") != std::string::npos);
  CHECK(r.out.find("\n3,'=1+1,2026-01-10,") != std::string::npos);
}

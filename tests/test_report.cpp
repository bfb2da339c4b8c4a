// The report's analytics on a small database built by hand (every figure below is worked out in
// the comments), the views agreeing with it, and the pieces the writers are made of.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "common/error.h"
#include "helpers.h"
#include "io/xlsx_reader.h"
#include "report/follow_up.h"
#include "report/html_report.h"
#include "report/nps_report.h"
#include "report/number_format.h"
#include "report/output_file.h"
#include "report/overview.h"
#include "report/report_data.h"
#include "report/report_text.h"
#include "report/summary_text.h"
#include "report/svg_charts.h"
#include "report/text_table.h"
#include "report/ui_labels.h"
#include "report/xlsx_report.h"
#include "store/response_themes.h"
#include "store/schema.h"
#include "store_fixture.h"

using namespace ascolto;
using doctest::Approx;
namespace fs = std::filesystem;

namespace {

// Eight responses over three months:
//   id month   score band      respondent store   mentions
//   1  2026-01 10    promoter  A          Milano  delivery.delay -0.5
//   2  2026-01  9    promoter  -          Milano  -
//   3  2026-01  3    detractor -          Milano  delivery -0.6 (churn intent)
//   4  2026-01  8    passive   B          Roma    -
//   5  2026-02  2    detractor A          Roma    delivery.delay -0.8
//   6  2026-02 10    promoter  C          Roma    store.staff +0.7 (suggestion)
//   7  2026-02  -    -         -          -       delivery +0.3
//   8  2026-03  -    -         -          -       -  (empty comment)
struct Fixture {
  SQLite::Database db;

  explicit Fixture(int version = kSchemaVersion)
      : db(testing::themed_database("report-test.db", version)) {
    db.exec(R"sql(
INSERT INTO responses (id, source_key, content_hash, run_id, source_file, source_line,
  respondent_id, response_date, score, band, lang, text, sentences, sentiment, label,
  churn_intent) VALUES
  (1, 'k1', 'h', 1, 't', 2, 'A', '2026-01-05', 10, 'promoter', 'en', 'Late parcel', 1, -0.5, 'negative', 0),
  (2, 'k2', 'h', 1, 't', 3, NULL, '2026-01-12 10:00:00', 9, 'promoter', 'en', 'Fine', 1, 0.2, 'positive', 0),
  (3, 'k3', 'h', 1, 't', 4, NULL, '2026-01-20', 3, 'detractor', 'en', 'Delivery was awful', 1, -0.6, 'negative', 1),
  (4, 'k4', 'h', 1, 't', 5, 'B', '2026-01-31', 8, 'passive', 'en', 'Ok', 1, 0.0, 'neutral', 0),
  (5, 'k5', 'h', 1, 't', 6, 'A', '2026-02-02', 2, 'detractor', 'en', 'Late again', 1, -0.8, 'negative', 0),
  (6, 'k6', 'h', 1, 't', 7, 'C', '2026-02-14', 10, 'promoter', 'en', 'Lovely staff', 1, 0.7, 'positive', 0),
  (7, 'k7', 'h', 1, 't', 8, NULL, '2026-02-28', NULL, NULL, 'en', 'Delivery ok', 1, 0.3, 'positive', 0),
  (8, 'k8', 'h', 1, 't', 9, NULL, '2026-03-01', NULL, NULL, 'und', '', 0, 0.0, 'neutral', 0);
INSERT INTO segments VALUES (1, 'store', 'Milano'), (2, 'store', 'Milano'),
  (3, 'store', 'Milano'), (4, 'Store', 'Roma'), (5, 'store', 'Roma'), (6, 'store', 'Roma');
INSERT INTO mentions (response_id, theme, sentence, start, "end", text, sentiment, intent) VALUES
  (1, 'delivery.delay', 0, 0, 4, 'Late', -0.5, 'complaint'),
  (3, 'delivery', 0, 0, 8, 'Delivery', -0.6, 'complaint'),
  (5, 'delivery.delay', 0, 0, 4, 'Late', -0.8, 'complaint'),
  (6, 'store.staff', 0, 7, 12, 'staff', 0.7, 'suggestion'),
  (7, 'delivery', 0, 0, 8, 'Delivery', 0.3, 'neutral');
)sql");
  }
};

const ThemeDriver& theme(const NpsReport& r, const std::string& id) {
  for (const ThemeDriver& t : r.themes) {
    if (t.theme == id) return t;
  }
  FAIL("no theme " << id);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("report: overall NPS, periods, the empty period and the churn signal") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {});
  // 3 promoters, 1 passive, 2 detractors: NPS 16.7; n = 6 < 100, adjusted Wald centred on
  // (3.75 - 2.75) / 9 with Var 0.0788752.
  REQUIRE(r.overall.nps);
  CHECK(r.overall.nps->value == Approx(100.0 / 6));
  CHECK(r.overall.nps->margin == Approx(55.0450473));
  CHECK(r.overall.nps->low == Approx(-43.9339362));
  CHECK(r.overall.nps->small);
  CHECK(r.overall.responses == 8);

  REQUIRE(r.periods.size() == 3);
  CHECK(r.periods[0].key == "2026-01");
  CHECK(r.periods[0].nps->value == Approx(25.0));
  CHECK(r.periods[0].churn_intent_pct == Approx(25.0));
  CHECK(r.periods[1].nps->value == Approx(0.0));  // 1 promoter, 1 detractor
  REQUIRE(r.periods[1].change);
  CHECK(r.periods[1].change->delta == Approx(-25.0));
  CHECK_FALSE(r.periods[1].change->significant);
  CHECK(r.periods[2].key == "2026-03");  // responses but no score: shown, without an NPS
  CHECK(r.periods[2].bands.n() == 0);
  CHECK_FALSE(r.periods[2].nps);
  CHECK_FALSE(r.periods[2].change);

  const NpsReport quarters = load_nps_report(f.db, {.by = Granularity::Quarter});
  REQUIRE(quarters.periods.size() == 1);
  CHECK(quarters.periods[0].key == "2026-Q1");
  const NpsReport weeks = load_nps_report(f.db, {.by = Granularity::Week});
  CHECK(weeks.periods.front().key == "2026-01-05");  // a Monday
  CHECK(weeks.periods.size() == 7);  // Sunday 2026-03-01 belongs to the week of 02-23
}

TEST_CASE("report: a date range keeps only the responses inside it") {
  Fixture f;
  const NpsReport feb = load_nps_report(f.db, {.since = "2026-02-01", .until = "2026-02-28"});
  CHECK(feb.overall.responses == 3);
  CHECK(feb.overall.bands.n() == 2);
  CHECK(feb.periods.size() == 1);
  const NpsReport to_jan12 = load_nps_report(f.db, {.until = "2026-01-12"});
  CHECK(to_jan12.overall.responses == 2);  // the time of day does not push Jan 12 out
  CHECK_THROWS_AS(load_nps_report(f.db, {.since = "1/2/2026"}), UsageError);
  CHECK_THROWS_AS(load_nps_report(f.db, {.min_n = 0}), UsageError);
}

TEST_CASE("report: segments by name, case-insensitive, each against everyone else") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {.segment = "STORE"});
  REQUIRE(r.segments.size() == 2);
  const GroupNps& milano = r.segments[0].key == "Milano" ? r.segments[0] : r.segments[1];
  CHECK(milano.bands.positive == 2);
  CHECK(milano.bands.negative == 1);
  CHECK(milano.nps->value == Approx(100.0 / 3));
  REQUIRE(milano.change);
  CHECK(milano.change->delta == Approx(100.0 / 3));  // the rest: 1 P, 1 passive, 1 D = 0
  CHECK(milano.detractor_pct == Approx(100.0 / 3));
  CHECK_THROWS_AS(load_nps_report(f.db, {.segment = "region"}), UsageError);
}

TEST_CASE("report: --where keeps one segment value, themes included") {
  Fixture f;
  // Roma: responses 4 (passive), 5 (detractor, delivery.delay), 6 (promoter, store.staff);
  // response 4 has the column spelt "Store": the name matches case-insensitively.
  const NpsReport roma = load_nps_report(f.db, {.where = "store=Roma"});
  CHECK(roma.overall.responses == 3);
  CHECK(roma.overall.nps->value == Approx(0.0));
  const ThemeDriver& d = theme(roma, "delivery");
  CHECK(d.respondents == 1);
  CHECK(d.impact->value == Approx(100.0 / 3 * (-1.0 - 0.5)));  // 1/3 * (-100 - 50)
  // A value no response has would give an empty report that looks like news.
  CHECK_THROWS_AS(load_nps_report(f.db, {.where = "store=Torino"}), UsageError);
  CHECK_THROWS_AS(load_nps_report(f.db, {.where = "region=Roma"}), UsageError);
  CHECK_THROWS_AS(load_nps_report(f.db, {.where = "Roma"}), UsageError);
  CHECK_THROWS_AS(load_nps_report(f.db, {.where = "=Roma"}), UsageError);
}

TEST_CASE("report: theme drivers, impact with its interval, band split") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {});
  // Delivery (with its subtheme): responses 1, 3, 5, 7; scored 1 P + 2 D, NPS -33.3. Others:
  // 2 P + 1 passive, NPS 66.7. Impact = 0.5 * (-33.3 - 66.7) = -50.
  const ThemeDriver& d = theme(r, "delivery");
  CHECK(d.respondents == 4);
  CHECK(d.mentions == 4);
  CHECK(d.share_pct == Approx(100.0 * 4 / 7));  // 7 responses left a comment
  CHECK(d.mean_sentiment == Approx(-0.4));
  CHECK(d.net_sentiment->value == Approx(-50.0));  // 1 positive, 3 negative mentions
  CHECK(d.complaints == 3);
  CHECK(d.nps->value == Approx(-100.0 / 3));
  REQUIRE(d.impact);
  CHECK(d.impact->value == Approx(-50.0));
  CHECK(d.impact->variance == Approx(0.0914352));
  CHECK(d.impact->margin == Approx(59.2658838));
  CHECK(d.by_band[0].respondents == 1);  // promoters
  CHECK(d.by_band[2].respondents == 2);  // detractors
  CHECK(d.by_band[2].net_sentiment == Approx(-100.0));
  CHECK(d.by_band[1].mentions == 0);

  const ThemeDriver& staff = theme(r, "store.staff");
  CHECK(staff.suggestions == 1);
  CHECK(staff.label_en == "Staff");
  // Ranked by impact: delivery costs the most.
  CHECK(r.themes.front().theme.rfind("delivery", 0) == 0);
  CHECK(headline_themes(r).size() == r.themes.size());
}

TEST_CASE("report: a parent theme counts its subthemes, each respondent once, shown as a tree") {
  Fixture f;
  // Response 1 mentions delivery.delay; now also delivery itself: still one respondent.
  f.db.exec(
      "INSERT INTO mentions (response_id, theme, sentence, start, \"end\", text, sentiment, "
      "intent) VALUES (1, 'delivery', 0, 0, 4, 'Late', -0.5, 'complaint')");
  const NpsReport r = load_nps_report(f.db, {});
  const ThemeDriver& d = theme(r, "delivery");
  CHECK(d.respondents == 4);  // 1, 3, 5, 7
  CHECK(d.mentions == 5);
  CHECK(d.nps->n == 3);  // 1 promoter, 2 detractors, counted once each
  CHECK(theme(r, "delivery.delay").respondents == 2);
  // The view agrees, once the stored rows are refreshed as an import's end does.
  refresh_response_themes(f.db);
  SQLite::Statement view(f.db, "SELECT respondents FROM theme_stats WHERE theme = 'delivery'");
  REQUIRE(view.executeStep());
  CHECK(view.getColumn(0).getInt64() == 4);
  // The tree: each parent followed by its subthemes.
  const NpsReport top1 = load_nps_report(f.db, {.top = 1});
  const auto tree = headline_themes(top1);
  REQUIRE(tree.size() == 4);  // delivery (largest impact), plus store as one of the largest
  CHECK(tree[0]->theme == "delivery");
  CHECK(tree[1]->theme == "delivery.delay");
  CHECK(tree[2]->theme == "store");
  CHECK(tree[3]->theme == "store.staff");
  std::ostringstream text;
  print_nps_report(r, ui_labels("en"), text);
  CHECK(text.str().find("\n  Delivery  ") != std::string::npos);
  CHECK(text.str().find("\n    └ Delays  ") != std::string::npos);
  // A comment is shown once per family: response 1 is not repeated under Delays.
  std::size_t late_parcel = 0;
  for (const Example& e : r.examples) late_parcel += e.text == "Late parcel";
  CHECK(late_parcel == 1);
}

TEST_CASE("report: new and returning respondents, representative comments") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {});
  REQUIRE(r.respondents.size() == 3);
  // January: A and B are new; responses 2 and 3 have no respondent id (each one respondent,
  // neither new nor returning).
  CHECK(r.respondents[0].respondents == 4);
  CHECK(r.respondents[0].new_respondents == 2);
  CHECK(r.respondents[0].returning_respondents == 0);
  CHECK(r.respondents[0].unidentified_respondents == 2);
  CHECK(r.respondents[0].comments_per_respondent == 1.0);
  // February: A came back, C is new, response 7 is unidentified.
  CHECK(r.respondents[1].respondents == 3);
  CHECK(r.respondents[1].returning_respondents == 1);
  CHECK(r.respondents[1].new_respondents == 1);
  CHECK(r.respondents[1].unidentified_respondents == 1);
  CHECK(r.respondents[2].responses == 1);
  CHECK(r.respondents[2].comments == 0);
  CHECK(r.respondents[2].comments_per_respondent == 0.0);

  // A range or a segment does not make an earlier customer new: A answered in January.
  const NpsReport february = load_nps_report(f.db, {.since = "2026-02-01", .until = "2026-02-28"});
  REQUIRE(february.respondents.size() == 1);
  CHECK(february.respondents[0].returning_respondents == 1);
  CHECK(february.respondents[0].new_respondents == 1);
  const NpsReport roma = load_nps_report(f.db, {.where = "store=Roma"});
  REQUIRE(roma.respondents.size() == 2);
  CHECK(roma.respondents[0].respondents == 1);  // B
  CHECK(roma.respondents[1].respondents == 2);  // A (returning, from Milano) and C (new)
  CHECK(roma.respondents[1].returning_respondents == 1);

  bool late_again = false;
  for (const Example& e : r.examples) {
    if (e.theme == "delivery" && e.text == "Late again") {
      late_again = true;
      CHECK(e.matched == "Late");
      CHECK(e.score == 2);
    }
  }
  CHECK(late_again);  // the most negative delivery mention
}

TEST_CASE("report and views agree to the printed digit") {
  Fixture f;
  refresh_response_themes(f.db);
  REQUIRE(response_themes_current(f.db));
  const nlohmann::json j = report_json(load_nps_report(f.db, {}));
  SQLite::Statement periods(f.db,
                            "SELECT period, respondents, nps, nps_margin, nps_low, nps_high, "
                            "churn_intent_pct FROM nps_by_period WHERE granularity = 'month' "
                            "ORDER BY period");
  for (const auto& p : j["periods"]) {
    REQUIRE(periods.executeStep());
    CHECK(p["period"] == periods.getColumn(0).getString());
    CHECK(p["respondents"] == periods.getColumn(1).getInt64());
    for (int c = 2; c <= 5; ++c) {
      const char* name = periods.getColumnName(c);
      CAPTURE(name);
      if (periods.getColumn(c).isNull()) {
        CHECK(p[name].is_null());
      } else {
        CHECK(p[name].get<double>() == periods.getColumn(c).getDouble());
      }
    }
    CHECK(p["churn_intent_pct"].get<double>() == periods.getColumn(6).getDouble());
  }
  SQLite::Statement impact(f.db,
                           "SELECT impact, impact_margin FROM theme_impact WHERE theme = "
                           "'delivery'");
  REQUIRE(impact.executeStep());
  for (const auto& t : j["themes"]) {
    if (t["theme"] != "delivery") continue;
    CHECK(t["impact"].get<double>() == impact.getColumn(0).getDouble());
    CHECK(t["impact_margin"].get<double>() == impact.getColumn(1).getDouble());
    CHECK(t["impact_margin"].get<double>() == 59.3);
  }
  SQLite::Statement respondents(
      f.db,
      "SELECT period, respondents, new_respondents, returning_respondents, "
      "unidentified_respondents, responses, comments, comments_per_respondent FROM "
      "respondents_by_period WHERE granularity = 'month' ORDER BY period");
  for (const auto& p : j["respondents"]) {
    REQUIRE(respondents.executeStep());
    CHECK(p["period"] == respondents.getColumn(0).getString());
    for (int c = 1; c <= 6; ++c) {
      const char* name = respondents.getColumnName(c);
      CAPTURE(name);
      CHECK(p[name].get<std::int64_t>() == respondents.getColumn(c).getInt64());
    }
    CHECK(p["comments_per_respondent"].get<double>() == respondents.getColumn(7).getDouble());
  }
  CHECK_FALSE(respondents.executeStep());
}

TEST_CASE("numbers round exactly as SQLite's round() does") {
  SQLite::Database db(":memory:");
  SQLite::Statement st(db, "SELECT round(?1, 1), round(?1, 3)");
  int disagreements = 0;
  for (int n = 1; n <= 300; ++n) {
    for (int k = -n; k <= n; ++k) {
      for (const double v : {100.0 * k / n, 1.0 * k / n / 7, 1.959963984540054 * k / n}) {
        st.reset();
        st.bind(1, v);
        REQUIRE(st.executeStep());
        disagreements += st.getColumn(0).getDouble() != round_to(v, 1);
        disagreements += st.getColumn(1).getDouble() != round_to(v, 3);
      }
    }
  }
  CHECK(disagreements == 0);
  CHECK(round_to(0.25, 1) == 0.3);  // half away from zero
  CHECK(round_to(-0.25, 1) == -0.3);
  CHECK(signed_fixed(3.25, 1) == "+3.3");
  CHECK(signed_fixed(-0.04, 1) == "0.0");
  CHECK(fixed(-2.0, 1) == "-2.0");
}

TEST_CASE("text tables align by code points") {
  TextTable t({"tema", "n"});
  t.add({"Perché sì", "10"});
  t.add({"x", "7"});
  std::ostringstream out;
  t.print(out, "");
  CHECK(out.str() == "tema        n\nPerché sì  10\nx           7\n");
  CHECK(display_width("è€😀") == 3);
}

TEST_CASE("HTML pieces: escaping, highlighting by code points, labels") {
  CHECK(html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  CHECK(highlight("Già <in> ritardo", 9, 16) == "Già &lt;in&gt; <mark>ritardo</mark>");
  CHECK(highlight("😡 late", 2, 6) == "😡 <mark>late</mark>");
  CHECK(highlight("short", 3, 99) == "short");  // offsets past the text: no mark
  CHECK(ui_labels("it").impact == "Impatto");
  CHECK(std::string(period_name(ui_labels("it"), Granularity::Quarter)) == "trimestre");
  CHECK(std::string(period_name(ui_labels("en"), Granularity::Week)) == "week");
  CHECK_THROWS_AS(ui_labels("fr"), UsageError);
  CHECK(measure_label(ui_labels("it"), "net_sentiment") == "Sentiment netto");
  CHECK(measure_label(ui_labels("en"), "impact") == "Impact");
  CHECK(measure_label(ui_labels("it"), "volume") == "Volume");
}

TEST_CASE("SVG charts: one mark per value, escaped labels") {
  const std::string trend =
      trend_chart({{"2026-01", 20, 5, 35, false}, {"2026-02", -10, -30, 10, true}}, "NPS <trend>");
  CHECK(trend.rfind("<svg", 0) == 0);
  CHECK(trend.find("NPS &lt;trend&gt;") != std::string::npos);
  CHECK(trend.find("<polygon class=\"band\"") != std::string::npos);
  CHECK(trend.find("point flagged") != std::string::npos);
  const std::string bars = diverging_bars({{"a", -5, -8, -2, false}, {"b", 3, 1, 5, false}}, "t");
  CHECK(bars.find("#c0392b") != std::string::npos);  // negative bar
  CHECK(bars.find("#1e8449") != std::string::npos);  // positive bar
  const std::string labels[3] = {"P", "N", "D"};
  const std::string mix = stacked_columns({{"2026-01", 2, 1, 1}}, "mix", labels);
  CHECK(mix.find("2026-01 P: 50.0%") != std::string::npos);
  const std::string scatter = quadrant_scatter({{"Delivery", 30, -40, 12, -5}}, "s", "x", "y");
  CHECK(scatter.find("class=\"bubble\"") != std::string::npos);
}

TEST_CASE("HTML report: the charts, the tables, the highlighted comments") {
  Fixture f;
  std::ostringstream out;
  write_html_report(load_nps_report(f.db, {.segment = "store"}), ui_labels("it"), out);
  const std::string html = out.str();
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<html lang=\"it\">") != std::string::npos);
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    ++svgs;
  CHECK(svgs == 4);
  CHECK(html.find("<mark>Late</mark> again") != std::string::npos);
  CHECK(html.find("Consegna") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("report: what customers ask for, each request cut to its sentence") {
  Fixture f;
  f.db.exec(
      "UPDATE responses SET text = 'Great visit. Lovely staff' WHERE id = 6;"
      "UPDATE mentions SET start = 20, \"end\" = 25 WHERE response_id = 6");
  const NpsReport r = load_nps_report(f.db, {});
  REQUIRE(r.requests.size() == 1);  // only the store has a suggestion mention (a subtheme's)
  CHECK(r.requests[0].theme == "store");
  CHECK(r.requests[0].suggestions == 1);
  REQUIRE(r.requests[0].examples.size() == 1);
  const Example& e = r.requests[0].examples[0];
  CHECK(e.text == "Lovely staff");
  CHECK(e.text.substr(static_cast<std::size_t>(e.start),
                      static_cast<std::size_t>(e.end - e.start)) == "staff");
  CHECK(report_json(r)["requests"][0]["suggestions"] == 1);
  std::ostringstream csv;
  write_report_csv(r, csv);
  CHECK(csv.str().find("request,,store,suggestions,1\n") != std::string::npos);
  // The figure agrees with the view.
  refresh_response_themes(f.db);
  SQLite::Statement view(f.db, "SELECT suggestions FROM theme_stats WHERE theme = 'store'");
  REQUIRE(view.executeStep());
  CHECK(view.getColumn(0).getInt64() == r.requests[0].suggestions);
  // The terminal and the page list it, the page with the mention highlighted.
  std::ostringstream text, html;
  print_nps_report(r, ui_labels("it"), text);
  CHECK(text.str().find("Cosa chiedono i clienti\n") != std::string::npos);
  CHECK(text.str().find("  Negozio  " + std::string(11, ' ') + "1  \"Lovely staff\"\n") !=
        std::string::npos);
  write_html_report(r, ui_labels("en"), html);
  CHECK(html.str().find("<h2>What customers ask for</h2>") != std::string::npos);
  CHECK(html.str().find("Lovely <mark>staff</mark>") != std::string::npos);
  // Nothing asked in a range without suggestions.
  CHECK(load_nps_report(f.db, {.until = "2026-01-31"}).requests.empty());
}

TEST_CASE("CSV and JSON carry the same figures") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {});
  std::ostringstream csv;
  write_report_csv(r, csv);
  CHECK(csv.str().rfind("section,group,theme,measure,value\n", 0) == 0);
  CHECK(csv.str().find("period,2026-01,,nps,25.0\n") != std::string::npos);
  CHECK(csv.str().find("theme,,delivery,impact,-50.0\n") != std::string::npos);
  const nlohmann::json j = report_json(r);
  CHECK(j["overall"]["nps"] == 16.7);
  CHECK(j["periods"][2]["nps"].is_null());
}

TEST_CASE("CSV, wide layout: one row per group, one column per measure, same figures as long") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {.segment = "store"});
  std::ostringstream long_csv, wide_csv;
  write_report_csv(r, long_csv);
  write_report_csv(r, wide_csv, CsvLayout::Wide);
  // Parse the wide table (no cell of this fixture needs quoting).
  std::istringstream in(wide_csv.str());
  std::string line;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t comma; (comma = line.find(',', start)) != std::string::npos;
         start = comma + 1) {
      cells.push_back(line.substr(start, comma - start));
    }
    cells.push_back(line.substr(start));
    rows.push_back(std::move(cells));
  }
  REQUIRE(rows.size() > 3);
  const std::vector<std::string>& header = rows[0];
  CHECK(std::vector<std::string>(header.begin(), header.begin() + 3) ==
        std::vector<std::string>{"section", "group", "theme"});
  // Column names are unique and every row has every column.
  CHECK(std::set<std::string>(header.begin(), header.end()).size() == header.size());
  for (const auto& row : rows) CHECK(row.size() == header.size());
  // Each (row, column) of the wide table is a line of the long one, and back.
  std::size_t cells = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    for (std::size_t c = 3; c < header.size(); ++c) {
      const std::string& v = rows[i][c];
      if (v.empty()) continue;
      ++cells;
      const std::string long_line =
          rows[i][0] + "," + rows[i][1] + "," + rows[i][2] + "," + header[c] + "," + v + "\n";
      CHECK_MESSAGE(long_csv.str().find(long_line) != std::string::npos, long_line);
    }
  }
  // ... and every non-empty long value that is not the row's own key is a wide cell.
  std::size_t long_values = 0;
  std::istringstream long_in(long_csv.str());
  std::getline(long_in, line);
  while (std::getline(long_in, line)) {
    const std::size_t value = line.rfind(','), measure = line.rfind(',', value - 1);
    const std::string name = line.substr(measure + 1, value - measure - 1);
    const bool key =
        (line.rfind("overall,", 0) == 0 && name == "group") ||
        ((line.rfind("period,", 0) == 0 || line.rfind("respondents,", 0) == 0) &&
         name == "period") ||
        (line.rfind("segment,", 0) == 0 && name == "value") ||
        ((line.rfind("theme,", 0) == 0 || line.rfind("change,", 0) == 0) && name == "theme");
    if (!key && value + 1 < line.size()) ++long_values;
  }
  CHECK(cells == long_values);
  CHECK(wide_csv.str().find("\nsegment,") != std::string::npos);
  CHECK(wide_csv.str().find("\nperiod,2026-01,,") != std::string::npos);
  CHECK_THROWS_AS(parse_csv_layout("tall"), UsageError);
}

TEST_CASE("terminal_safe: control characters and bidi overrides are escaped, text kept") {
  CHECK(terminal_safe("Milano") == "Milano");
  CHECK(terminal_safe("Già più 😡") == "Già più 😡");
  CHECK(terminal_safe("\x1b[31mred") == "\\x1B[31mred");
  CHECK(terminal_safe("a\tb\nc") == "a b c");
  CHECK(terminal_safe("\x7f") == "\\x7F");
  CHECK(terminal_safe("\xc2\x9b"
                      "2J") == "\\u009B2J");  // C1 CSI
  CHECK(terminal_safe("a\xe2\x80\xae"
                      "b") == "a\\u202Eb");  // right-to-left override
  CHECK(terminal_safe("a\xe2\x81\xa6"
                      "b") == "a\\u2066b");  // left-to-right isolate
  TextTable t({"store"});
  t.add({"\x1b]52;c;aGk=\x07"});
  std::ostringstream out;
  t.print(out);
  CHECK(out.str().find('\x1b') == std::string::npos);
}

TEST_CASE("summary: themes whose impact interval excludes zero, biggest first, in en and it") {
  Fixture f;
  // Delivery: impact -50 ± 59.3 includes zero, nothing is clear on eight responses.
  const NpsReport small = load_nps_report(f.db, {});
  CHECK(small.summary.priorities.empty());
  std::ostringstream none;
  print_summary(small, ui_labels("en"), none);
  CHECK(none.str().find("No theme moves the NPS beyond chance") != std::string::npos);
  CHECK(none.str().find("Based on 8 Responses (6 scored), 2026-01-05 … 2026-03-01; 1 sources; "
                        "filters: none.") != std::string::npos);
  // Forty more detractors who complain of late delivery make it clear.
  for (int i = 0; i < 40; ++i) {
    const std::string id = std::to_string(100 + i);
    f.db.exec(
        "INSERT INTO responses (id, source_key, content_hash, run_id, source_file, "
        "source_line, response_date, score, band, lang, text, sentences, sentiment, label) "
        "VALUES (" +
        id + ", 'k" + id +
        "', 'h', 1, 't', 1, '2026-02-10', 1, 'detractor', "
        "'en', 'Late once more', 1, -0.7, 'negative');"
        "INSERT INTO mentions (response_id, theme, sentence, start, \"end\", text, sentiment, "
        "intent) VALUES (" +
        id + ", 'delivery.delay', 0, 0, 4, 'Late', -0.7, 'complaint')");
  }
  const NpsReport r = load_nps_report(f.db, {});
  REQUIRE_FALSE(r.summary.priorities.empty());
  const Priority& first = r.summary.priorities.front();
  CHECK(first.theme->theme == "delivery");  // its subtheme Delays is counted in it, not listed
  CHECK(first.theme->impact->high < 0);
  for (const Priority& p : r.summary.priorities) CHECK(p.theme->theme != "delivery.delay");
  REQUIRE(first.example);
  CHECK(first.example->sentiment < 0);  // a cost is shown with a complaint
  std::ostringstream en, it;
  print_summary(r, ui_labels("en"), en);
  print_summary(r, ui_labels("it"), it);
  CHECK(en.str().rfind("Act on this first\n  1. Delivery: costs ", 0) == 0);
  CHECK(it.str().rfind("Da dove partire\n  1. Consegna: costa ", 0) == 0);
  CHECK(it.str().find("punti di NPS") != std::string::npos);
  const nlohmann::json j = report_json(r);
  CHECK(j["summary"]["priorities"][0]["theme"] == "delivery");
  CHECK(j["summary"]["priorities"][0]["impact_high"].get<double>() < 0);
  std::ostringstream html;
  write_html_report(r, ui_labels("it"), html);
  CHECK(html.str().find("<h2>Da dove partire</h2>") != std::string::npos);
}

namespace {

// The rows of one sheet of `path` under its header, read back with the project's xlsx reader.
std::vector<std::vector<std::string>> sheet_rows(const std::string& path, const std::string& sheet,
                                                 std::vector<std::string>& header) {
  XlsxReader reader(path, sheet);
  std::vector<std::vector<std::string>> rows;
  RawRecord rec;
  while (reader.next(rec)) rows.push_back(rec.fields);
  header = reader.header();
  return rows;
}

const std::vector<std::string>& row_with(const std::vector<std::vector<std::string>>& rows,
                                         std::size_t col, const std::string& key) {
  for (const auto& row : rows) {
    if (row.size() > col && row[col] == key) return row;
  }
  FAIL("no row " << key);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("xlsx report: the sheets hold the report's tables, numbers as numbers, text as text") {
  Fixture f;
  const ReportOptions options{.segment = "store"};
  const NpsReport r = load_nps_report(f.db, options);
  std::vector<FollowUp> follow = load_follow_up(f.db, options);
  REQUIRE(follow.size() == 2);  // the detractors 5 and 3 (3 also with churn intent)
  FollowUp formula;
  formula.response_id = 99;
  formula.text = "=HYPERLINK(\"http://x\",\"click\")";
  follow.push_back(formula);
  const std::string path = testing::scratch("report-test.xlsx").string();
  fs::remove(path);
  write_report_xlsx(path, r, load_overview(f.db, r), follow);

  std::vector<std::string> header;
  const auto overview = sheet_rows(path, "overview", header);
  CHECK(header == std::vector<std::string>{"measure", "value"});
  CHECK(row_with(overview, 0, "responses")[1] == "8");
  CHECK(row_with(overview, 0, "scored")[1] == "6");
  CHECK(row_with(overview, 0, "nps")[1] == "16.7");  // (3 - 2) / 6
  CHECK(row_with(overview, 0, "first_date")[1] == "2026-01-05");

  const auto trend = sheet_rows(path, "trend", header);
  CHECK(header.front() == "month");
  REQUIRE(trend.size() == 3);
  CHECK(trend[0][0] == "2026-01");
  CHECK(trend[0][1] == "4");   // n
  CHECK(trend[0][5] == "25");  // nps: 2 promoters, 1 detractor of 4
  CHECK(trend[2][1] == "0");   // March: responses but no score
  CHECK(trend[2][5].empty());  // so no NPS, an empty cell rather than 0

  const auto themes = sheet_rows(path, "themes", header);
  CHECK(themes.size() == r.themes.size());
  CHECK(row_with(themes, 0, "delivery")[4] == "4");  // respondents 1, 3, 5, 7
  CHECK(row_with(themes, 0, "delivery.delay")[1] == "delivery");

  const auto segments = sheet_rows(path, "segments", header);
  CHECK(header[0] == "segment");
  CHECK(header[1] == "value");
  REQUIRE(segments.size() == 2);
  const auto& milano = row_with(segments, 1, "Milano");
  CHECK(milano[0] == "store");
  CHECK(milano[2] == "3");     // n
  CHECK(milano[6] == "33.3");  // 2 promoters, 1 detractor
  CHECK(milano[9] == "1");     // small sample
  CHECK(row_with(segments, 1, "Roma")[6] == "0");

  const auto follow_up = sheet_rows(path, "follow-up", header);
  CHECK(header.back() == "comment");
  REQUIRE(follow_up.size() == 3);
  CHECK(follow_up[0][0] == "5");  // newest first
  CHECK(follow_up[0][4] == "2");
  CHECK(follow_up[0][8] == "Late again");
  CHECK(follow_up[1][0] == "3");
  // Written as a string: the text itself, not a formula's value.
  CHECK(follow_up[2][8] == formula.text);
  fs::remove(path);
}

TEST_CASE("xlsx report: a workbook that cannot be written is an output error naming the path") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {});
  const std::string path = (testing::scratch() / "no-such-dir" / "r.xlsx").string();
  CHECK_THROWS_WITH_AS(write_report_xlsx(path, r, load_overview(f.db, r), {}),
                       doctest::Contains(path.c_str()), ReportWriteError);
}

namespace {

// Every row of `view`, all columns as text, sorted: views without an ORDER BY may return their
// rows in any order.
std::vector<std::string> view_rows(SQLite::Database& db, const std::string& view) {
  SQLite::Statement st(db, "SELECT * FROM " + view);
  std::vector<std::string> rows;
  while (st.executeStep()) {
    std::string row;
    for (int c = 0; c < st.getColumnCount(); ++c) {
      row += std::string(st.getColumnName(c)) + "=" +
             (st.getColumn(c).isNull() ? "NULL" : st.getColumn(c).getString()) + "|";
    }
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

const std::vector<std::string> kThemeViews = {
    "theme_respondents", "theme_mention_counts", "theme_stats",     "theme_impact",
    "theme_by_period",   "theme_by_band",        "theme_by_segment"};

}  // namespace

TEST_CASE("schema 11: the theme views over response_themes give the rows of the old views") {
  Fixture f(10);  // the views of schema 10, over the mentions
  // A response that mentions a theme and its subtheme twice, an undated one and an unscored one.
  f.db.exec(R"sql(
INSERT INTO responses (id, source_key, content_hash, run_id, source_file, source_line,
  response_date, score, band, lang, text, sentences, sentiment, label, churn_intent) VALUES
  (9, 'k9', 'h', 1, 't', 10, '2026-03-30 08:00:00', 0, 'detractor', 'en', 'Late, late, rude', 1,
   -0.9, 'negative', 1),
  (10, 'k10', 'h', 1, 't', 11, NULL, 7, 'passive', 'en', 'Staff fine', 1, 0.1, 'positive', 0);
INSERT INTO segments VALUES (9, 'store', 'Roma'), (10, 'store', 'Milano');
INSERT INTO mentions (response_id, theme, sentence, start, "end", text, sentiment, intent) VALUES
  (9, 'delivery.delay', 0, 0, 4, 'Late', -0.3, 'complaint'),
  (9, 'delivery.delay', 0, 6, 10, 'late', -0.04, 'question'),
  (9, 'delivery', 0, 0, 4, 'Late', 0.05, 'praise'),
  (9, 'store.staff', 0, 12, 16, 'rude', -0.8, 'suggestion'),
  (10, 'store.staff', 0, 0, 5, 'Staff', 0.1, 'neutral'),
  (10, 'retired.theme', 0, 6, 10, 'fine', 0.2, 'neutral');
)sql");
  std::map<std::string, std::vector<std::string>> before;
  for (const std::string& v : kThemeViews) before[v] = view_rows(f.db, v);
  CHECK(before["theme_stats"].size() == 5);  // delivery(.delay), store(.staff), retired.theme

  migrate(f.db);  // schema 11 fills response_themes
  REQUIRE(response_themes_current(f.db));
  for (const std::string& v : kThemeViews) {
    CAPTURE(v);
    CHECK(view_rows(f.db, v) == before[v]);
  }
  const NpsReport stored = load_nps_report(f.db, {.by = Granularity::Week});

  // A later run replaces response 9: an incremental refresh drops its old rows.
  f.db.exec(
      "INSERT INTO runs (id, started_at, status, tool_version, inputs, lexicon_hash, options) "
      "VALUES (2, '2026-07-02', 'completed', 'test', '[]', 'x', '{}');"
      "UPDATE responses SET run_id = 2, score = 10, band = 'promoter' WHERE id = 9;"
      "DELETE FROM mentions WHERE response_id = 9 AND theme = 'store.staff'");
  CHECK_FALSE(response_themes_current(f.db));
  // A reader of a table that is behind computes the rows itself.
  const NpsReport shadowed = load_nps_report(f.db, {.by = Granularity::Week});
  CHECK(theme(shadowed, "store").respondents == theme(stored, "store").respondents - 1);
  CHECK(theme(shadowed, "delivery").by_band[0].respondents ==
        theme(stored, "delivery").by_band[0].respondents + 1);
  refresh_response_themes(f.db);
  REQUIRE(response_themes_current(f.db));
  const nlohmann::json refreshed = report_json(load_nps_report(f.db, {.by = Granularity::Week}));
  CHECK(refreshed == report_json(shadowed));
  std::map<std::string, std::vector<std::string>> incremental;
  for (const std::string& v : kThemeViews) incremental[v] = view_rows(f.db, v);
  // The same rows as a refresh from scratch (a changed taxonomy forces one).
  f.db.exec(
      "UPDATE themes SET label_en = label_en; UPDATE settings SET value = 'x' WHERE name = "
      "'response_themes_taxonomy'");
  refresh_response_themes(f.db);
  for (const std::string& v : kThemeViews) {
    CAPTURE(v);
    CHECK(view_rows(f.db, v) == incremental[v]);
  }
}

TEST_CASE(
    "theme periods: the per-theme trend agrees with theme_by_period, with and without --where") {
  Fixture f;
  refresh_response_themes(f.db);
  const auto months = load_theme_periods(f.db, {});
  // delivery: 2026-01 responses 1 and 3 (one promoter, one detractor), 2026-02 responses 5 and 7.
  SQLite::Statement view(f.db,
                         "SELECT theme, period, respondents, mentions, scored, net_sentiment FROM "
                         "theme_by_period WHERE granularity = 'month' ORDER BY theme, period");
  std::size_t i = 0;
  while (view.executeStep()) {
    REQUIRE(i < months.size());
    const ThemePeriodCounts& t = months[i++];
    CAPTURE(t.theme);
    CAPTURE(t.period);
    CHECK(t.theme == view.getColumn(0).getString());
    CHECK(t.period == view.getColumn(1).getString());
    CHECK(t.respondents == view.getColumn(2).getInt64());
    CHECK(t.mentions == view.getColumn(3).getInt64());
    CHECK(t.bands.n() == view.getColumn(4).getInt64());
    CHECK(round_to(100.0 * static_cast<double>(t.sentiment.positive - t.sentiment.negative) /
                       static_cast<double>(t.mentions),
                   1) == view.getColumn(5).getDouble());
  }
  CHECK(i == months.size());
  REQUIRE(months.size() >= 2);
  CHECK(months[0].theme == "delivery");
  CHECK(months[0].period == "2026-01");
  CHECK(months[0].bands.positive == 1);
  CHECK(months[0].bands.negative == 1);
  // --where reads the per-respondent rows: Roma's delivery mentions are response 5 only.
  const auto roma = load_theme_periods(f.db, {.where = "store=Roma"});
  REQUIRE_FALSE(roma.empty());
  CHECK(roma[0].theme == "delivery");
  CHECK(roma[0].period == "2026-02");
  CHECK(roma[0].respondents == 1);
  CHECK(roma[0].bands.negative == 1);
}

// Themes over time and by segment, and every theme's comments (issue 19, points 4 and 5), on a
// small database built by hand: the figures the report prints equal the views theme_by_period,
// segment_nps_by_period and theme_by_segment figure for figure; the embedded comments are capped,
// newest first, with UTF-16 offsets and no way out of their <script> element.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.h"
#include "io/csv_reader.h"
#include "report/breakdowns.h"
#include "report/breakdowns_text.h"
#include "report/html_breakdowns.h"
#include "report/html_report.h"
#include "report/number_format.h"
#include "report/report_data.h"
#include "report/svg_multiples.h"
#include "report/verbatims.h"
#include "store/response_themes.h"
#include "store/schema.h"
#include "store_fixture.h"

using namespace ascolto;
namespace fs = std::filesystem;

namespace {

const char* band_of(int score) {
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

// 60 responses over three months (response i in month 1 + i % 3, day 1 + i / 3) and two stores
// (Milano for even i, Roma for odd i); score i % 11, none for every 7th response. Response i
// mentions delivery.delay (-0.5, "Late") when i % 3 == 0, delivery (+0.4) when i % 5 == 0 and
// store.staff (+0.6) when i % 4 == 0; the rest say "Fine". Response 59 is hostile.
// Fixture(name, keep) holds only the responses i for which keep(i) is true.
struct Fixture {
  SQLite::Database db;

  explicit Fixture(const std::string& name = "breakdowns-test.db",
                   const std::function<bool(int)>& keep = nullptr)
      : db(testing::themed_database(name)) {
    SQLite::Statement response(
        db,
        "INSERT INTO responses (id, source_key, content_hash, run_id, source_file, source_line, "
        "source_id, response_date, score, band, lang, text, sentences, sentiment, label) VALUES "
        "(?, ?, 'h', 1, 't', ?, ?, ?, ?, ?, 'en', ?, 1, 0, 'neutral')");
    SQLite::Statement segment(db, "INSERT INTO segments VALUES (?, 'store', ?)");
    SQLite::Statement mention(db,
                              "INSERT INTO mentions (response_id, theme, sentence, start, "
                              "\"end\", text, sentiment) VALUES (?, ?, 0, ?, ?, ?, ?)");
    for (int i = 0; i < 60; ++i) {
      if (keep && !keep(i)) continue;
      const bool delay = i % 3 == 0, delivery = i % 5 == 0, staff = i % 4 == 0;
      std::string text = delay ? "Late parcel" : "Fine";
      if (delivery) text += ", delivery ok";
      if (staff) text += ", 😀 staff";
      if (i == 59) text = "😀 </script><script>alert(1)</script> \u202Edelivery\" 'x' &amp;";
      response.bind(1, i + 1);
      response.bind(2, "k" + std::to_string(i));
      response.bind(3, i + 2);
      response.bind(4, "R" + std::to_string(i));
      response.bind(5, "2026-0" + std::to_string(1 + i % 3) + "-" + (i / 3 < 9 ? "0" : "") +
                           std::to_string(1 + i / 3));
      if (i % 7 == 0) {
        response.bind(6);
        response.bind(7);
      } else {
        response.bind(6, i % 11);
        response.bind(7, band_of(i % 11));
      }
      response.bind(8, text);
      response.exec();
      response.reset();
      segment.bind(1, i + 1);
      segment.bind(2, i % 2 ? "Roma" : "Milano");
      segment.exec();
      segment.reset();
      const auto add = [&](const char* theme, const std::string& word, double sentiment) {
        // Offsets in code points: count the bytes that start one.
        int start = 0;
        for (std::size_t b = 0; b < text.find(word); ++b) start += (text[b] & 0xC0) != 0x80;
        mention.bind(1, i + 1);
        mention.bind(2, theme);
        mention.bind(3, start);
        mention.bind(4, start + static_cast<int>(word.size()));
        mention.bind(5, word);
        mention.bind(6, sentiment);
        mention.exec();
        mention.reset();
      };
      if (i == 59) {
        add("delivery", "delivery", -0.7);
        continue;
      }
      if (delay) add("delivery.delay", "Late", -0.5);
      if (delivery) add("delivery", "delivery", 0.4);
      if (staff) add("store.staff", "staff", 0.6);
    }
    // Mentions written by hand, outside a run: the stored response x theme rows follow.
    refresh_response_themes(db);
  }
};

std::optional<double> nullable(SQLite::Statement& st, int column) {
  if (st.getColumn(column).isNull()) return std::nullopt;
  return st.getColumn(column).getDouble();
}

}  // namespace

TEST_CASE("themes over time equal the view theme_by_period figure for figure") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {.segment = "store"});
  const Breakdowns b = load_breakdowns(f.db, r);
  // Both top-level themes, every month.
  REQUIRE(b.trends.size() == 2);
  SQLite::Statement view(
      f.db,
      "SELECT respondents, share_pct, net_sentiment, impact FROM "
      "theme_by_period WHERE granularity = 'month' AND theme = ? AND period = ?");
  int compared = 0;
  for (const ThemeTrend& t : b.trends) {
    REQUIRE(t.periods.size() == 3);
    for (const ThemePeriod& p : t.periods) {
      CAPTURE(t.theme->theme);
      CAPTURE(p.period);
      view.bind(1, t.theme->theme);
      view.bind(2, p.period);
      REQUIRE(view.executeStep());
      CHECK(p.respondents == view.getColumn(0).getInt64());
      CHECK(round_to(p.share_pct, 1) == view.getColumn(1).getDouble());
      CHECK(p.net_sentiment.has_value());
      CHECK(round_to(*p.net_sentiment, 1) == view.getColumn(2).getDouble());
      // Everybody in January mentions delivery: no impact, in the view (NULL) as in the report.
      CHECK((p.impact ? std::optional<double>(round_to(p.impact->value, 1)) : std::nullopt) ==
            nullable(view, 3));
      view.reset();
      ++compared;
    }
  }
  CHECK(compared == 6);
  // Hand count: delivery in January (i = 0, 3, ..., 57: 20 responses, all with a comment) is
  // mentioned by i % 3 == 0 or i % 5 == 0 among them: i = 0, 3, 6, ..., 57 all have i % 3 == 0.
  const ThemeTrend& delivery = b.trends[0].theme->theme == "delivery" ? b.trends[0] : b.trends[1];
  CHECK(delivery.periods[0].period == "2026-01");
  CHECK(delivery.periods[0].respondents == 20);
  CHECK(delivery.periods[0].share_pct == doctest::Approx(100.0));
  CHECK(delivery.periods[0].small);  // 20 mentioners, under the minimum n of 30
  // --format json carries the same cells under the views' names.
  const nlohmann::json j = breakdowns_json(b);
  REQUIRE(j["theme_by_period"].size() == 6);
  CHECK(j["segment_nps_by_period"].size() == 6);
  CHECK(j["theme_by_segment"].size() == 3);
  for (const auto& row : j["theme_by_period"]) {
    if (row["theme"] != "delivery" || row["period"] != "2026-01") continue;
    CHECK(row["respondents"] == 20);
    CHECK(row["share_pct"] == 100.0);
    CHECK(row["impact"].is_null());
  }
}

TEST_CASE("segment x period NPS equals the view segment_nps_by_period, small groups flagged") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {.segment = "STORE"});  // any spelling
  const Breakdowns b = load_breakdowns(f.db, r);
  REQUIRE(b.values.size() == 2);
  SQLite::Statement view(f.db,
                         "SELECT respondents, promoters, passives, detractors, nps, small_sample "
                         "FROM segment_nps_by_period WHERE segment = 'store' AND value = ? AND "
                         "period = ?");
  CHECK(f.db.execAndGet("SELECT count(*) FROM segment_nps_by_period").getInt() == 6);
  REQUIRE(b.segment_periods.size() == 6);
  for (const SegmentPeriod& c : b.segment_periods) {
    CAPTURE(c.value);
    CAPTURE(c.period);
    view.bind(1, c.value);
    view.bind(2, c.period);
    REQUIRE(view.executeStep());
    CHECK(c.bands.n() == view.getColumn(0).getInt64());
    CHECK(c.bands.positive == view.getColumn(1).getInt64());
    CHECK(c.bands.neutral == view.getColumn(2).getInt64());
    CHECK(c.bands.negative == view.getColumn(3).getInt64());
    REQUIRE(c.nps.has_value());
    CHECK(round_to(c.nps->value, 1) == view.getColumn(4).getDouble());
    CHECK(c.nps->small == (view.getColumn(5).getInt() == 1));
    view.reset();
  }
  // Milano, January: i = 0, 6, 12, ..., 54 (10 responses); i = 0, 42 have no score; scores
  // 6, 1, 7, 2, 8, 3, 4, 10 (i = 6, 12, ..., 54 mod 11): 1 promoter, 2 passives, 5 detractors.
  const SegmentPeriod* jan = find_cell(b, "Milano", "2026-01");
  REQUIRE(jan);
  CHECK(jan->bands.positive == 1);
  CHECK(jan->bands.neutral == 2);
  CHECK(jan->bands.negative == 5);
  CHECK(jan->nps->value == doctest::Approx(-50.0));
  // The terminal prints the same cell, with its n and the small-n flag.
  std::ostringstream text;
  print_breakdowns(r, b, ui_labels("en"), text);
  CHECK(text.str().find("2026-01  -50.0* (8)") != std::string::npos);
  CHECK(text.str().find("Delivery") != std::string::npos);
  // --where narrows the grid like every other section.
  const NpsReport roma = load_nps_report(f.db, {.segment = "store", .where = "store=Roma"});
  const Breakdowns only = load_breakdowns(f.db, roma);
  REQUIRE(only.values.size() == 1);
  CHECK(find_cell(only, "Milano", "2026-01") == nullptr);
  CHECK(find_cell(only, "Roma", "2026-01") != nullptr);
}

TEST_CASE("themes x segment equal the view theme_by_segment figure for figure") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {.segment = "store"});
  const Breakdowns b = load_breakdowns(f.db, r);
  REQUIRE(b.theme_segments.size() == 3);  // delivery in both stores, store only in Milano
  SQLite::Statement view(f.db,
                         "SELECT respondents, share_pct, mentions, net_sentiment FROM "
                         "theme_by_segment WHERE segment = 'store' AND theme = ? AND value = ?");
  for (const ThemeSegment& c : b.theme_segments) {
    CAPTURE(c.theme);
    CAPTURE(c.value);
    view.bind(1, c.theme);
    view.bind(2, c.value);
    REQUIRE(view.executeStep());
    CHECK(c.respondents == view.getColumn(0).getInt64());
    CHECK(round_to(c.share_pct, 1) == view.getColumn(1).getDouble());
    CHECK(c.mentions == view.getColumn(2).getInt64());
    CHECK(round_to(*c.net_sentiment, 1) == view.getColumn(3).getDouble());
    view.reset();
  }
  // Store in Roma: odd i with i % 4 == 0: none. Milano: i = 0, 4, ..., 56: 15 respondents.
  const ThemeDriver* store = nullptr;
  for (const ThemeDriver& t : r.themes) {
    if (t.theme == "store") store = &t;
  }
  REQUIRE(store);
  CHECK(find_cell(b, *store, "Roma") == nullptr);
  REQUIRE(find_cell(b, *store, "Milano"));
  CHECK(find_cell(b, *store, "Milano")->respondents == 15);
  CHECK(find_cell(b, *store, "Milano")->share_pct == doctest::Approx(50.0));
}

namespace {

// The report's CSV read back through the CSV reader: (section, group, theme) -> measure -> cell,
// the same from either layout. Empty cells (NULLs) are left out; the wide layout's key measures
// are its group and theme cells.
using CsvRow = std::map<std::string, std::string>;
using CsvTable = std::map<std::array<std::string, 3>, CsvRow>;

CsvTable report_csv(const NpsReport& r, const Breakdowns& b, CsvLayout layout) {
  std::ostringstream out;
  write_report_csv(r, out, layout, &b);
  CsvReader reader(Utf8Source::from_bytes(out.str(), "report.csv", ""), {});
  const std::vector<std::string> header = reader.header();
  CsvTable table;
  RawRecord rec;
  while (reader.next(rec)) {
    REQUIRE_FALSE(rec.error);
    REQUIRE(rec.fields.size() == header.size());
    const auto [row, fresh] = table.try_emplace({rec.fields[0], rec.fields[1], rec.fields[2]});
    if (layout == CsvLayout::Long) {  // one line per measure, never twice the same
      if (!rec.fields[4].empty()) CHECK(row->second.emplace(rec.fields[3], rec.fields[4]).second);
      continue;
    }
    CHECK(fresh);  // one row per group
    for (std::size_t c = 3; c < header.size(); ++c) {
      if (!rec.fields[c].empty()) row->second.emplace(header[c], rec.fields[c]);
    }
  }
  return table;
}

// A cell equals a view's column: absent for NULL, else the same number.
void check_cell(const CsvRow& row, const std::string& measure, const SQLite::Column& column) {
  CAPTURE(measure);
  const auto at = row.find(measure);
  if (column.isNull()) {
    CHECK(at == row.end());
    return;
  }
  REQUIRE(at != row.end());
  CHECK(std::stod(at->second) == column.getDouble());
}

struct Checked {
  std::size_t rows = 0, small = 0;
};

// Every view row of the headline (top-level) themes and of the segment store is a row of the
// CSV's breakdown sections with the same figures, the cells under `min_n` marked small, and the
// CSV has no other breakdown row.
Checked check_breakdowns_csv(SQLite::Database& views, const CsvTable& csv, int min_n) {
  Checked out;
  const auto check_small = [&](const CsvRow& row, std::int64_t n) {
    CHECK(row.at("small_sample") == (n < min_n ? "true" : "false"));
    out.small += n < min_n;
    ++out.rows;
  };
  const auto find = [&](const char* section, const std::string& group, const std::string& theme) {
    CAPTURE(section);
    CAPTURE(group);
    CAPTURE(theme);
    const auto at = csv.find({section, group, theme});
    REQUIRE(at != csv.end());
    return at->second;
  };
  SQLite::Statement periods(views,
                            "SELECT p.theme, period, respondents, share_pct, mentions, "
                            "net_sentiment, scored, impact, impact_low, impact_high FROM "
                            "theme_by_period p JOIN themes t ON t.id = p.theme WHERE "
                            "t.parent IS NULL AND granularity = 'month'");
  while (periods.executeStep()) {
    const CsvRow row = find("theme_by_period", periods.getColumn(1), periods.getColumn(0));
    const char* measures[] = {"respondents", "share_pct", "mentions",   "net_sentiment",
                              "scored",      "impact",    "impact_low", "impact_high"};
    for (int c = 0; c < 8; ++c) check_cell(row, measures[c], periods.getColumn(c + 2));
    check_small(row, periods.getColumn(2).getInt64());
  }
  SQLite::Statement grid(views,
                         "SELECT value, period, respondents, promoters, passives, detractors, "
                         "nps FROM segment_nps_by_period WHERE segment = 'store'");
  while (grid.executeStep()) {
    const std::string value = grid.getColumn(0), period = grid.getColumn(1);
    const CsvRow row = find("segment_nps_by_period", value + " / " + period, "");
    CHECK(row.at("value") == value);
    CHECK(row.at("period") == period);
    const char* measures[] = {"respondents", "promoters", "passives", "detractors", "nps"};
    for (int c = 0; c < 5; ++c) check_cell(row, measures[c], grid.getColumn(c + 2));
    check_small(row, grid.getColumn(2).getInt64());
  }
  SQLite::Statement segments(views,
                             "SELECT value, s.theme, respondents, share_pct, mentions, "
                             "net_sentiment FROM theme_by_segment s JOIN themes t ON t.id = "
                             "s.theme WHERE t.parent IS NULL AND segment = 'store'");
  while (segments.executeStep()) {
    const CsvRow row = find("theme_by_segment", segments.getColumn(0), segments.getColumn(1));
    const char* measures[] = {"respondents", "share_pct", "mentions", "net_sentiment"};
    for (int c = 0; c < 4; ++c) check_cell(row, measures[c], segments.getColumn(c + 2));
    check_small(row, segments.getColumn(4).getInt64());  // small by mentions
  }
  std::size_t rows = 0;
  for (const auto& [key, row] : csv) {
    rows += key[0] == "theme_by_period" || key[0] == "segment_nps_by_period" ||
            key[0] == "theme_by_segment";
  }
  CHECK(rows == out.rows);
  return out;
}

}  // namespace

TEST_CASE("report CSV, both layouts: the breakdowns equal the views, filtered, under --min-n") {
  Fixture f;
  for (const CsvLayout layout : {CsvLayout::Long, CsvLayout::Wide}) {
    CAPTURE(layout == CsvLayout::Long);
    for (const int min_n : {kDefaultMinN, 9}) {
      CAPTURE(min_n);
      const NpsReport r = load_nps_report(f.db, {.segment = "store", .min_n = min_n});
      const Checked all =
          check_breakdowns_csv(f.db, report_csv(r, load_breakdowns(f.db, r), layout), min_n);
      CHECK(all.rows == 6 + 6 + 3);  // 2 themes x 3 months, 2 stores x 3 months, 3 pairs
      // Under the default every cell is small; under 9, the theme-months with 4 or 5 mentioners
      // (delivery in February and March, the store every month) and the store-months with 8
      // scored respondents (Milano in January and March, Roma in February).
      CHECK(all.small == (min_n == kDefaultMinN ? all.rows : 5 + 3));
    }
  }
  // A filter gives what the views give on a database holding only the responses in scope.
  struct Case {
    ReportOptions options;
    std::function<bool(int)> keep;
    std::size_t rows;
  };
  const Case cases[] = {
      // February and March: 2 x 2 theme periods, 2 x 2 cells, the 3 pairs of those months.
      {{.segment = "store", .since = "2026-02-01", .min_n = 5},
       [](int i) { return i % 3 > 0; },
       4 + 4 + 3},
      // Roma alone: nobody there mentions the store, so one theme over 3 months, 3 cells, 1 pair.
      {{.segment = "store", .where = "store=Roma", .min_n = 5},
       [](int i) { return i % 2 == 1; },
       3 + 3 + 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.options.since);
    CAPTURE(c.options.where);
    const Fixture scoped("ascolto-breakdowns-scoped.db", c.keep);
    for (const CsvLayout layout : {CsvLayout::Long, CsvLayout::Wide}) {
      const NpsReport r = load_nps_report(f.db, c.options);
      const CsvTable csv = report_csv(r, load_breakdowns(f.db, r), layout);
      CHECK(check_breakdowns_csv(const_cast<SQLite::Database&>(scoped.db), csv, 5).rows == c.rows);
    }
  }
}

TEST_CASE("report CSV: segment values in the breakdowns are safe cells in both layouts") {
  Fixture f;
  f.db.exec("UPDATE segments SET value = '=1+1' WHERE value = 'Roma'");
  const NpsReport r = load_nps_report(f.db, {.segment = "store"});
  const Breakdowns b = load_breakdowns(f.db, r);
  for (const CsvLayout layout : {CsvLayout::Long, CsvLayout::Wide}) {
    std::ostringstream out;
    write_report_csv(r, out, layout, &b);
    const std::string csv = out.str();
    CHECK(csv.find("\nsegment_nps_by_period,'=1+1 / 2026-01,,") != std::string::npos);
    CHECK(csv.find("\ntheme_by_segment,'=1+1,delivery,") != std::string::npos);
    CHECK(csv.find(",=1+1") == std::string::npos);
  }
}

TEST_CASE("heatmap colours say good or bad news, never for a small group") {
  CHECK(heat_class(2, false) == "h0");
  CHECK(heat_class(-20, false) == "h-2");  // worse than the reference
  CHECK(heat_class(40, false) == "h3");
  CHECK(heat_class(40, true).empty());
  const auto range = shared_range({{-12.0, false}, {std::nullopt, false}, {31.0, true}}, 10);
  CHECK(range.first == -20);
  CHECK(range.second == 40);
  const std::string svg = small_multiple("A <b>", {"2026-01", "2026-02", "2026-03"},
                                         {{"Net", -20, 40, {{10.0, false}, {}, {20.0, true}}}});
  CHECK(svg.find("A &lt;b&gt;") != std::string::npos);
  CHECK(svg.find("point flagged") != std::string::npos);
  // The gap: two separate strokes, no line through the missing period.
  CHECK(svg.find(" L") == std::string::npos);
}

TEST_CASE("verbatims: capped per theme, newest first, UTF-16 offsets, no way out of <script>") {
  Fixture f;
  const NpsReport r = load_nps_report(f.db, {.segment = "store"});
  const Verbatims all = load_verbatims(f.db, r);
  // delivery: 20 delay mentions (i % 3 == 0), 12 delivery ones (i % 5 == 0, i < 59) and i = 59:
  // 33 mentions in 20 + 12 - 4 (i % 15 == 0) + 1 = 29 comments. store: 15 mentions and comments,
  // 7 of them also about delivery (i % 12 == 0, and i = 20, 40).
  REQUIRE(all.themes.size() == 4);
  CHECK(all.themes[0].id == "delivery");
  CHECK(all.themes[0].mentions == 33);
  CHECK(all.themes[0].shown == 33);
  CHECK(all.themes[1].parent == "delivery");
  CHECK(all.comments.size() == 29 + 15 - 7);
  const Verbatims capped = load_verbatims(f.db, r, 3);
  CHECK(capped.themes[0].shown == 3);
  // Newest first: the latest day of March (i = 59, 2026-03-20) leads.
  REQUIRE(!capped.comments.empty());
  CHECK(capped.comments[0].date == "2026-03-20");
  CHECK(capped.comments[0].respondent == "R59");
  CHECK(capped.comments[0].segment == "Roma");

  // Only the newest responses with a theme are read: 5 of them, i = 59 (March 20), 56 (19), 50
  // (17), 44 (15) and 35 (12); i = 53, 47, 41 and 38 mention none.
  const Verbatims recent = load_verbatims(f.db, r, 100, 5);
  REQUIRE(recent.comments.size() == 5);
  CHECK(recent.comments[3].respondent == "R44");
  CHECK(recent.comments[4].date == "2026-03-12");

  const std::string json = verbatims_json(all, r, ui_labels("en"));
  CHECK(json.find('<') == std::string::npos);
  CHECK(json.find("\\u003c/script>") != std::string::npos);
  const nlohmann::json doc = nlohmann::json::parse(json);
  bool hostile = false;
  for (const auto& c : doc["comments"]) {
    if (c[5] != "R59") continue;
    hostile = true;
    const std::string text = c[6];
    CHECK(text.rfind("😀 </script>", 0) == 0);
    // 'delivery' is code point 38 (after the emoji, the tags and the bidi override), unit 39 in
    // UTF-16, where the emoji takes two.
    CHECK(c[7][0][1] == 39);
    CHECK(c[7][0][2] == 47);
    CHECK(c[7][0][3] == -1);
    CHECK(c[2] == 2);  // 59 % 11 = 4: a detractor
  }
  CHECK(hostile);

  std::ostringstream out;
  const Breakdowns b = load_breakdowns(f.db, r);
  write_html_report(r, ui_labels("it"), out, nullptr, &b, &all);
  const std::string html = out.str();
  CHECK(html.find("class=\"chart multiple\"") != std::string::npos);
  CHECK(html.find("<table class=\"heat\">") != std::string::npos);
  CHECK(html.find("Commenti per tema") != std::string::npos);
  // The hostile comment appears only inside the JSON, escaped: one closing tag per script.
  std::size_t scripts = 0, closes = 0;
  for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1))
    ++scripts;
  for (auto at = html.find("</script"); at != std::string::npos; at = html.find("</script", at + 1))
    ++closes;
  CHECK(scripts == 2);
  CHECK(closes == 2);
}

TEST_CASE("representative comments: the label shown agrees with the mention's own sentiment") {
  Fixture f;
  // Every comment reads positive overall, but the delays are complaints: none may be quoted as
  // praise, and with no negative comment there is no negative example either. Response 4 (i = 3,
  // a delay) is mixed: its delay may be quoted, as a complaint.
  f.db.exec(
      "UPDATE responses SET label = 'positive'; UPDATE responses SET label = 'mixed' WHERE "
      "id = 4");
  const NpsReport r = load_nps_report(f.db, {.examples = 3});
  REQUIRE(!r.examples.empty());
  bool mixed_quoted = false;
  for (const Example& e : r.examples) {
    CAPTURE(e.text);
    if (e.matched == "Late") {
      CHECK(e.sentiment < 0);
      CHECK(e.response_id == 4);
      mixed_quoted = true;
    } else {
      CHECK(e.sentiment > 0);
    }
  }
  CHECK(mixed_quoted);
}

#include "report/report_data.h"

#include <algorithm>
#include <unordered_map>

#include "common/error.h"
#include "io/csv_cell.h"
#include "report/breakdowns.h"
#include "report/number_format.h"

namespace ascolto {
namespace {

using nlohmann::json;

json net_json(const std::optional<NetEstimate>& e, const std::string& name) {
  json j;
  j[name] = e ? json(round_to(e->value, 1)) : json();
  // A margin only where the interval is symmetric around the point (as printed).
  j[name + "_margin"] =
      e && interval_symmetric(e->value, e->low, e->high) ? json(round_to(e->margin, 1)) : json();
  j[name + "_low"] = e ? json(round_to(e->low, 1)) : json();
  j[name + "_high"] = e ? json(round_to(e->high, 1)) : json();
  j[name + "_method"] =
      e ? json(e->method == IntervalMethod::Wald ? "wald" : "adjusted-wald") : json();
  return j;
}

json difference_json(const Difference& d) {
  return {{"delta", round_to(d.delta, 1)},
          {"z", round_to(d.z, 2)},
          {"p_value", round_to(d.p_value, 4)},
          {"significant", d.significant},
          {"small_sample", d.small_sample}};
}

json group_json(const GroupNps& g, const char* key_name, int min_n) {
  json j = {{key_name, g.key},
            {"respondents", g.bands.n()},
            {"promoters", g.bands.positive},
            {"passives", g.bands.neutral},
            {"detractors", g.bands.negative}};
  j.update(net_json(g.nps, "nps"));
  j["small_sample"] = g.bands.n() < min_n;
  j["responses"] = g.responses;
  j["detractor_pct"] = g.bands.n() > 0 ? json(round_to(g.detractor_pct, 1)) : json();
  j["churn_intent_pct"] = round_to(g.churn_intent_pct, 1);
  j["repeat_contact_pct"] = round_to(g.repeat_contact_pct, 1);
  j["change"] = g.change ? difference_json(*g.change) : json();
  return j;
}

json impact_json(const std::optional<Impact>& i) {
  if (!i) return {{"impact", nullptr}};
  return {{"impact", round_to(i->value, 1)},
          {"impact_margin", round_to(i->margin, 1)},
          {"impact_low", round_to(i->value - i->margin, 1)},
          {"impact_high", round_to(i->value + i->margin, 1)}};
}

json example_json(const Example& e) {
  return {{"theme", e.theme},
          {"text", e.text},
          {"matched", e.matched},
          {"start", e.start},
          {"end", e.end},
          {"sentiment", round_to(e.sentiment, 3)},
          {"score", e.score ? json(*e.score) : json()},
          {"response_id", e.response_id},
          {"date", e.date},
          {"respondent", e.respondent}};
}

json theme_json(const ThemeDriver& t, int min_n) {
  json j = {{"theme", t.theme},
            {"parent", t.parent.empty() ? json() : json(t.parent)},
            {"label_en", t.label_en},
            {"label_it", t.label_it},
            {"respondents", t.respondents},
            {"share_pct", round_to(t.share_pct, 1)},
            {"mentions", t.mentions},
            {"mean_sentiment", round_to(t.mean_sentiment, 3)},
            {"negative_pct", round_to(t.negative_pct, 1)},
            {"complaints", t.complaints},
            {"suggestions", t.suggestions},
            {"scored", t.nps ? t.nps->n : 0}};
  j.update(net_json(t.net_sentiment, "net_sentiment"));
  j.update(net_json(t.nps, "nps"));
  j.update(impact_json(t.impact));
  j["small_sample"] = !t.nps || t.nps->n < min_n;
  const char* bands[] = {"promoter", "passive", "detractor"};
  for (std::size_t b = 0; b < 3; ++b) {
    const BandTalk& talk = t.by_band[b];
    if (talk.mentions == 0) continue;
    j["by_band"][bands[b]] = {{"respondents", talk.respondents},
                              {"mentions", talk.mentions},
                              {"mean_sentiment", round_to(talk.mean_sentiment, 3)},
                              {"net_sentiment", round_to(talk.net_sentiment, 1)}};
  }
  return j;
}

}  // namespace

json report_json(const NpsReport& r) {
  const ReportOptions& o = r.options;
  json j;
  j["options"] = {{"by", granularity_name(o.by)},
                  {"segment", o.segment},
                  {"since", o.since},
                  {"until", o.until},
                  {"where", o.where},
                  {"min_n", o.min_n}};
  j["summary"] = {{"first_date", r.summary.first_date},
                  {"last_date", r.summary.last_date},
                  {"sources", r.summary.sources},
                  {"priorities", json::array()}};
  for (const Priority& p : r.summary.priorities) {
    json item = {
        {"theme", p.theme->theme},
        {"label_en", p.theme->label_en},
        {"label_it", p.theme->label_it},
        {"share_pct", round_to(p.theme->share_pct, 1)},
        {"net_sentiment",
         p.theme->net_sentiment ? json(round_to(p.theme->net_sentiment->value, 1)) : json()},
        {"trend", json::array()},
        {"example", p.example ? example_json(*p.example) : json()}};
    item.update(impact_json(p.theme->impact));
    for (const ThemeChange* c : p.trend) item["trend"].push_back(c->measure);
    j["summary"]["priorities"].push_back(std::move(item));
  }
  j["overall"] = group_json(r.overall, "group", o.min_n);
  j["periods"] = json::array();
  for (const GroupNps& g : r.periods) j["periods"].push_back(group_json(g, "period", o.min_n));
  j["segments"] = json::array();
  for (const GroupNps& g : r.segments) j["segments"].push_back(group_json(g, "value", o.min_n));
  j["themes"] = json::array();
  for (const ThemeDriver& t : r.themes) j["themes"].push_back(theme_json(t, o.min_n));
  j["changes"] = {
      {"current", r.current_period}, {"previous", r.previous_period}, {"themes", json::array()}};
  for (const ThemeChange& c : r.changes) {
    json change = {{"theme", c.theme},
                   {"measure", c.measure},
                   {"before", round_to(c.before, 1)},
                   {"after", round_to(c.after, 1)},
                   {"good_news", c.good_news ? json(*c.good_news) : json()}};
    change.update(difference_json(c.test));
    j["changes"]["themes"].push_back(change);
  }
  j["examples"] = json::array();
  for (const Example& e : r.examples) j["examples"].push_back(example_json(e));
  j["requests"] = json::array();
  for (const ThemeRequests& q : r.requests) {
    json examples = json::array();
    for (const Example& e : q.examples) examples.push_back(example_json(e));
    j["requests"].push_back({{"theme", q.theme},
                             {"label_en", q.label_en},
                             {"label_it", q.label_it},
                             {"suggestions", q.suggestions},
                             {"examples", std::move(examples)}});
  }
  j["respondents"] = json::array();
  for (const PeriodRespondents& p : r.respondents) {
    j["respondents"].push_back({{"period", p.period},
                                {"respondents", p.respondents},
                                {"new_respondents", p.new_respondents},
                                {"returning_respondents", p.returning_respondents},
                                {"unidentified_respondents", p.unidentified_respondents},
                                {"responses", p.responses},
                                {"comments", p.comments},
                                {"comments_per_respondent", p.comments_per_respondent}});
  }
  return j;
}

void write_report_json(const NpsReport& r, std::ostream& out) {
  out << report_json(r).dump(2) << "\n";
}

namespace {

// Text cells (segment values, theme ids) come from users' data: quoted and neutralised against
// spreadsheet formula injection.
std::string csv_field(const std::string& s) {
  return csv_cell(s);
}

std::string csv_value(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return csv_field(v.get<std::string>());
  return v.dump();
}

// One row of the CSV: where it belongs, and its measures in the order the JSON has them.
struct CsvRecord {
  std::string section, group, theme;
  std::vector<std::string> keys;  // the measures that repeat group or theme ("period", ...)
  std::vector<std::pair<std::string, std::string>> cells;  // measure, CSV-ready value
};

// Flattens one JSON object of the report: nested objects become "outer.inner" measures.
void flatten(CsvRecord& record, const json& object, const std::string& prefix = "") {
  for (const auto& [key, value] : object.items()) {
    if (value.is_object()) {
      flatten(record, value, prefix + key + ".");
    } else {
      record.cells.emplace_back(prefix + key, csv_value(value));
    }
  }
}

bool is_key(const CsvRecord& record, const std::string& measure) {
  return std::find(record.keys.begin(), record.keys.end(), measure) != record.keys.end();
}

std::vector<CsvRecord> csv_records(const NpsReport& r, const Breakdowns* b) {
  const json j = report_json(r);
  std::vector<CsvRecord> out;
  const auto add = [&](const char* section, const std::string& group, const std::string& theme,
                       std::vector<std::string> keys, const json& object) {
    out.push_back({section, group, theme, std::move(keys), {}});
    flatten(out.back(), object);
  };
  add("overall", "", "", {"group"}, j["overall"]);
  for (const json& p : j["periods"]) add("period", p["period"], "", {"period"}, p);
  for (const json& s : j["segments"]) add("segment", s["value"], "", {"value"}, s);
  for (const json& t : j["themes"]) add("theme", "", t["theme"], {"theme"}, t);
  for (const json& c : j["changes"]["themes"]) {
    add("change", r.current_period, c["theme"], {"theme"}, c);
  }
  for (const json& q : j["requests"]) {
    add("request", "", q["theme"], {}, json{{"suggestions", q["suggestions"]}});
  }
  for (const json& p : j["respondents"]) add("respondents", p["period"], "", {"period"}, p);
  if (!b) return out;
  const json grids = breakdowns_json(*b);
  for (const json& c : grids["theme_by_period"]) {
    add("theme_by_period", c["period"], c["theme"], {"period", "theme"}, c);
  }
  // Two groupings in one group cell, unique as every period of a report has the same length;
  // value and period stay measures (wide: columns) for pivot tables.
  for (const json& c : grids["segment_nps_by_period"]) {
    add("segment_nps_by_period",
        c["value"].get<std::string>() + " / " + c["period"].get<std::string>(), "", {}, c);
  }
  for (const json& c : grids["theme_by_segment"]) {
    add("theme_by_segment", c["value"], c["theme"], {"value", "theme"}, c);
  }
  return out;
}

}  // namespace

CsvLayout parse_csv_layout(const std::string& name) {
  if (name == "long") return CsvLayout::Long;
  if (name == "wide") return CsvLayout::Wide;
  throw UsageError("--csv-layout '" + name + "': expected long or wide");
}

void write_report_csv(const NpsReport& r, std::ostream& out, CsvLayout layout,
                      const Breakdowns* breakdowns) {
  const std::vector<CsvRecord> records = csv_records(r, breakdowns);
  if (layout == CsvLayout::Long) {
    out << "section,group,theme,measure,value\n";
    for (const CsvRecord& rec : records) {
      for (const auto& [measure, value] : rec.cells) {
        out << rec.section << ',' << csv_field(rec.group) << ',' << csv_field(rec.theme) << ','
            << csv_field(measure) << ',' << value << "\n";
      }
    }
    return;
  }
  // Wide: the union of the measures, in the order they first appear; a row's key measure is
  // already its group or theme cell.
  std::vector<std::string> columns;
  std::unordered_map<std::string, std::size_t> column_of;
  for (const CsvRecord& rec : records) {
    for (const auto& cell : rec.cells) {
      if (is_key(rec, cell.first)) continue;
      if (column_of.emplace(cell.first, columns.size()).second) columns.push_back(cell.first);
    }
  }
  out << "section,group,theme";
  for (const std::string& c : columns) out << ',' << csv_field(c);
  out << "\n";
  std::vector<const std::string*> row(columns.size());
  for (const CsvRecord& rec : records) {
    std::fill(row.begin(), row.end(), nullptr);
    for (const auto& cell : rec.cells) {
      if (!is_key(rec, cell.first)) row[column_of.at(cell.first)] = &cell.second;
    }
    out << rec.section << ',' << csv_field(rec.group) << ',' << csv_field(rec.theme);
    for (const std::string* v : row) out << ',' << (v ? *v : std::string());
    out << "\n";
  }
}

}  // namespace ascolto

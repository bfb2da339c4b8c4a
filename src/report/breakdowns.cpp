#include "report/breakdowns.h"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <string_view>
#include <unordered_map>

#include "report/number_format.h"
#include "report/scope.h"

namespace ascolto {
namespace {

double pct(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::optional<double> net(std::int64_t positive, std::int64_t negative, std::int64_t mentions) {
  if (mentions <= 0) return std::nullopt;
  return pct(positive - negative, mentions);
}

// The segment column's names as stored (any spelling of options.segment), so that the queries
// compare s.name with `IN` and the (name, value) index finds the rows.
const std::string kSegmentNames =
    "(SELECT DISTINCT name FROM segments WHERE lower(name) = lower(:segment))";

// Running sums of one cell.
struct Sums {
  std::int64_t respondents = 0, scored = 0, mentions = 0, positive = 0, negative = 0;
  NetCounts bands;
};

// The segment column through the (name, value) index: per value and day, the band counts and
// comments of the responses in scope (summed by SQLite), and each response's value.
struct SegmentRows {
  std::unordered_map<std::int64_t, std::size_t> value_of;  // response id -> index in b.values
  std::vector<std::int64_t> comments;                      // per value
  std::map<std::pair<std::size_t, std::string>, std::pair<std::int64_t, NetCounts>> days;
};

SegmentRows read_segment(SQLite::Database& db, const NpsReport& r, const Breakdowns& b) {
  SegmentRows out;
  out.comments.assign(b.values.size(), 0);
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < b.values.size(); ++i) index[b.values[i]] = i;
  // Counted by SQLite per value and day, over the responses in scope.
  ScopedQuery days(db,
                   "SELECT s.value, substr(r.response_date, 1, 10), min(r.id), "
                   "coalesce(sum(r.band = 'promoter'), 0), coalesce(sum(r.band = 'passive'), 0), "
                   "coalesce(sum(r.band = 'detractor'), 0), sum(trim(r.text) <> '') FROM "
                   "segments s JOIN scope r ON r.id = s.response_id WHERE s.name IN " +
                       kSegmentNames + " GROUP BY s.value, substr(r.response_date, 1, 10)",
                   r.options);
  days->bind(":segment", r.options.segment);
  while (days->executeStep()) {
    const auto value = index.find(std::string_view(days->getColumn(0).getText()));
    if (value == index.end()) continue;
    out.comments[value->second] += days->getColumn(6).getInt64();
    if (days->getColumn(1).isNull()) continue;
    out.days[{value->second, days->getColumn(1).getString()}] = {
        days->getColumn(2).getInt64(),
        {days->getColumn(3).getInt64(), days->getColumn(4).getInt64(),
         days->getColumn(5).getInt64()}};
  }
  // Each response's value, from the segments alone: the snapshot it is matched with is in
  // scope already.
  SQLite::Statement values(
      db, "SELECT response_id, value FROM segments WHERE name IN " + kSegmentNames);
  values.bind(":segment", r.options.segment);
  while (values.executeStep()) {
    const auto value = index.find(std::string_view(values.getColumn(1).getText()));
    if (value != index.end()) out.value_of.emplace(values.getColumn(0).getInt64(), value->second);
  }
  return out;
}

// Segment value x period: the days summed per period, each day's period read from the view
// response_periods once, by one response of that day (joining the view would materialize it
// whole, every response three times).
void load_segment_periods(SQLite::Database& db, const NpsReport& r, const SegmentRows& rows,
                          Breakdowns& b) {
  SQLite::Statement period_of(db,
                              "SELECT period FROM response_periods WHERE response_id = ? AND "
                              "granularity = ?");
  period_of.bind(2, granularity_name(r.options.by));
  std::map<std::string, std::string> periods;  // day -> period
  std::map<std::pair<std::size_t, std::string>, NetCounts> cells;
  for (const auto& [key, day] : rows.days) {
    auto period = periods.find(key.second);
    if (period == periods.end()) {
      period_of.bind(1, day.first);
      period = periods
                   .emplace(key.second, period_of.executeStep() ? period_of.getColumn(0).getString()
                                                                : std::string())
                   .first;
      period_of.reset();
    }
    NetCounts& c = cells[{key.first, period->second}];
    c.positive += day.second.positive;
    c.neutral += day.second.neutral;
    c.negative += day.second.negative;
  }
  for (const auto& [key, bands] : cells) {
    SegmentPeriod c;
    c.value = b.values[key.first];
    c.period = key.second;
    c.bands = bands;
    c.nps = estimate_net(c.bands, r.options.min_n);
    b.segment_periods.push_back(std::move(c));
  }
}

// One pass over the report's snapshot of theme x response (scoped_mention_counts), for the
// headline top-level themes only: sums per theme and period, and per theme and segment value.
void load_theme_cells(SQLite::Database& db, const NpsReport& r, const SegmentRows* rows,
                      Breakdowns& b) {
  std::map<std::string, std::size_t, std::less<>> slot, period_slot;  // found by string_view
  std::string placeholders;
  for (const ThemeDriver* t : headline_themes(r)) {
    if (!t->parent.empty()) continue;
    slot[t->theme] = b.trends.size();
    b.trends.push_back({t, {}});
    placeholders += placeholders.empty() ? "?" : ", ?";
  }
  if (b.trends.empty()) return;
  for (std::size_t i = 0; i < r.periods.size(); ++i) period_slot[r.periods[i].key] = i;
  std::vector<std::int64_t> comments(r.periods.size(), 0);  // counted by the respondents section
  for (const PeriodRespondents& p : r.respondents) {
    const auto at = period_slot.find(p.period);
    if (at != period_slot.end()) comments[at->second] = p.comments;
  }
  const std::size_t values = rows ? b.values.size() : 0;
  std::vector<Sums> by_period(b.trends.size() * r.periods.size());
  std::vector<Sums> by_value(b.trends.size() * values);

  SQLite::Statement st(db,
                       "SELECT theme, response_id, period, band, mentions, positive, negative "
                       "FROM temp.scoped_mention_counts WHERE theme IN (" +
                           placeholders + ")");
  int i = 0;
  for (const auto& trend : b.trends) st.bind(++i, trend.theme->theme);
  while (st.executeStep()) {
    // Read as views on SQLite's own text: a million rows, no allocation per row.
    const std::size_t t = slot.find(std::string_view(st.getColumn(0).getText()))->second;
    const std::string_view band = st.getColumn(3).getText();
    const auto add = [&](Sums& s) {
      ++s.respondents;
      if (band == "promoter") ++s.bands.positive;
      if (band == "passive") ++s.bands.neutral;
      if (band == "detractor") ++s.bands.negative;
      s.mentions += st.getColumn(4).getInt64();
      s.positive += st.getColumn(5).getInt64();
      s.negative += st.getColumn(6).getInt64();
    };
    const auto period = period_slot.find(std::string_view(st.getColumn(2).getText()));
    if (!st.getColumn(2).isNull() && period != period_slot.end())
      add(by_period[t * r.periods.size() + period->second]);
    if (rows) {
      const auto value = rows->value_of.find(st.getColumn(1).getInt64());
      if (value != rows->value_of.end()) add(by_value[t * values + value->second]);
    }
  }
  for (std::size_t t = 0; t < b.trends.size(); ++t) {
    for (std::size_t k = 0; k < r.periods.size(); ++k) {
      const Sums& s = by_period[t * r.periods.size() + k];
      ThemePeriod p;
      p.period = r.periods[k].key;
      p.respondents = s.respondents;
      p.comments = comments[k];
      p.share_pct = pct(s.respondents, p.comments);
      p.scored = s.bands.n();
      const NetCounts& all = r.periods[k].bands;
      if (s.respondents > 0) {
        p.impact =
            theme_impact(s.bands, {all.positive - s.bands.positive, all.neutral - s.bands.neutral,
                                   all.negative - s.bands.negative});
      }
      p.mentions = s.mentions;
      p.net_sentiment = net(s.positive, s.negative, s.mentions);
      p.small = s.respondents < r.options.min_n;
      b.trends[t].periods.push_back(std::move(p));
    }
    for (std::size_t v = 0; v < values; ++v) {
      const Sums& s = by_value[t * values + v];
      if (s.respondents == 0) continue;
      ThemeSegment c;
      c.theme = b.trends[t].theme->theme;
      c.value = b.values[v];
      c.respondents = s.respondents;
      c.comments = rows->comments[v];
      c.share_pct = pct(c.respondents, c.comments);
      c.mentions = s.mentions;
      c.net_sentiment = net(s.positive, s.negative, s.mentions);
      c.small = c.mentions < r.options.min_n;
      b.theme_segments.push_back(std::move(c));
    }
  }
}

}  // namespace

Breakdowns load_breakdowns(SQLite::Database& db, const NpsReport& r) {
  Breakdowns b;
  if (r.options.segment.empty()) {
    load_theme_cells(db, r, nullptr, b);
    return b;
  }
  for (const GroupNps& g : r.segments) b.values.push_back(g.key);
  const SegmentRows rows = read_segment(db, r, b);
  load_segment_periods(db, r, rows, b);
  load_theme_cells(db, r, &rows, b);
  return b;
}

nlohmann::json breakdowns_json(const Breakdowns& b) {
  using nlohmann::json;
  const auto rounded = [](const std::optional<double>& v) {
    return v ? json(round_to(*v, 1)) : json();
  };
  json trends = json::array(), grid = json::array(), themes = json::array();
  for (const ThemeTrend& t : b.trends) {
    for (const ThemePeriod& p : t.periods) {
      trends.push_back({{"theme", t.theme->theme},
                        {"period", p.period},
                        {"respondents", p.respondents},
                        {"share_pct", round_to(p.share_pct, 1)},
                        {"mentions", p.mentions},
                        {"net_sentiment", rounded(p.net_sentiment)},
                        {"scored", p.scored},
                        {"impact", p.impact ? json(round_to(p.impact->value, 1)) : json()},
                        {"impact_low", p.impact ? json(round_to(p.impact->low, 1)) : json()},
                        {"impact_high", p.impact ? json(round_to(p.impact->high, 1)) : json()},
                        {"small_sample", p.small}});
    }
  }
  for (const SegmentPeriod& c : b.segment_periods) {
    grid.push_back({{"value", c.value},
                    {"period", c.period},
                    {"respondents", c.bands.n()},
                    {"promoters", c.bands.positive},
                    {"passives", c.bands.neutral},
                    {"detractors", c.bands.negative},
                    {"nps", c.nps ? json(round_to(c.nps->value, 1)) : json()},
                    {"nps_low", c.nps ? json(round_to(c.nps->low, 1)) : json()},
                    {"nps_high", c.nps ? json(round_to(c.nps->high, 1)) : json()},
                    {"small_sample", !c.nps || c.nps->small}});
  }
  for (const ThemeSegment& c : b.theme_segments) {
    themes.push_back({{"theme", c.theme},
                      {"value", c.value},
                      {"respondents", c.respondents},
                      {"share_pct", round_to(c.share_pct, 1)},
                      {"mentions", c.mentions},
                      {"net_sentiment", rounded(c.net_sentiment)},
                      {"small_sample", c.small}});
  }
  return {{"theme_by_period", std::move(trends)},
          {"segment_nps_by_period", std::move(grid)},
          {"theme_by_segment", std::move(themes)}};
}

const SegmentPeriod* find_cell(const Breakdowns& b, const std::string& value,
                               const std::string& period) {
  for (const SegmentPeriod& c : b.segment_periods) {
    if (c.value == value && c.period == period) return &c;
  }
  return nullptr;
}

const ThemeSegment* find_cell(const Breakdowns& b, const ThemeDriver& theme,
                              const std::string& value) {
  for (const ThemeSegment& c : b.theme_segments) {
    if (c.theme == theme.theme && c.value == value) return &c;
  }
  return nullptr;
}

}  // namespace ascolto

#include "report/breakdowns.h"

#include <SQLiteCpp/Statement.h>

#include <map>

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

void load_trends(SQLite::Database& db, const NpsReport& r, Breakdowns& b) {
  std::map<std::string, std::size_t> slot;  // theme id -> index in b.trends
  for (const ThemeDriver* t : headline_themes(r)) {
    if (!t->parent.empty()) continue;
    slot[t->theme] = b.trends.size();
    ThemeTrend trend{t, {}};
    for (const GroupNps& p : r.periods) {
      ThemePeriod tp;
      tp.period = p.key;
      trend.periods.push_back(std::move(tp));
    }
    b.trends.push_back(std::move(trend));
  }
  if (b.trends.empty()) return;
  std::map<std::string, std::size_t> period_slot;
  for (std::size_t i = 0; i < r.periods.size(); ++i) period_slot[r.periods[i].key] = i;

  ScopedQuery comments(db,
                       "SELECT p.period, sum(trim(r.text) <> '') FROM response_periods p JOIN "
                       "scope r ON r.id = p.response_id WHERE p.granularity = :by GROUP BY "
                       "p.period",
                       r.options);
  comments->bind(":by", granularity_name(r.options.by));
  while (comments->executeStep()) {
    const auto at = period_slot.find(comments->getColumn(0).getString());
    if (at == period_slot.end()) continue;
    for (ThemeTrend& t : b.trends)
      t.periods[at->second].comments = comments->getColumn(1).getInt64();
  }
  for (ThemeTrend& t : b.trends) {
    for (ThemePeriod& p : t.periods) p.small = r.options.min_n > 0;  // nobody: flagged
  }

  SQLite::Statement st(
      db,
      "SELECT period, theme, count(*), count(score), coalesce(sum(band = "
      "'promoter'), 0), coalesce(sum(band = 'passive'), 0), coalesce(sum(band = "
      "'detractor'), 0), sum(mentions), sum(positive), sum(negative) FROM "
      "temp.scoped_mention_counts WHERE period IS NOT NULL GROUP BY period, theme");
  while (st.executeStep()) {
    const auto theme = slot.find(st.getColumn(1).getString());
    const auto period = period_slot.find(st.getColumn(0).getString());
    if (theme == slot.end() || period == period_slot.end()) continue;
    ThemePeriod& p = b.trends[theme->second].periods[period->second];
    p.respondents = st.getColumn(2).getInt64();
    p.share_pct = pct(p.respondents, p.comments);
    p.scored = st.getColumn(3).getInt64();
    const NetCounts mentioners{st.getColumn(4).getInt64(), st.getColumn(5).getInt64(),
                               st.getColumn(6).getInt64()};
    const NetCounts& all = r.periods[period->second].bands;
    p.impact = theme_impact(mentioners,
                            {all.positive - mentioners.positive, all.neutral - mentioners.neutral,
                             all.negative - mentioners.negative});
    p.mentions = st.getColumn(7).getInt64();
    p.net_sentiment = net(st.getColumn(8).getInt64(), st.getColumn(9).getInt64(), p.mentions);
    p.small = p.respondents < r.options.min_n;
  }
}

void load_segment_periods(SQLite::Database& db, const NpsReport& r, Breakdowns& b) {
  ScopedQuery st(db,
                 "SELECT s.value, p.period, count(r.score), coalesce(sum(r.band = 'promoter'), "
                 "0), coalesce(sum(r.band = 'passive'), 0), coalesce(sum(r.band = 'detractor'), "
                 "0) FROM segments s JOIN scope r ON r.id = s.response_id JOIN response_periods "
                 "p ON p.response_id = r.id AND p.granularity = :by WHERE s.name IN " +
                     kSegmentNames + " GROUP BY s.value, p.period ORDER BY s.value, p.period",
                 r.options);
  st->bind(":by", granularity_name(r.options.by));
  st->bind(":segment", r.options.segment);
  while (st->executeStep()) {
    SegmentPeriod c;
    c.value = st->getColumn(0).getString();
    c.period = st->getColumn(1).getString();
    c.bands = {st->getColumn(3).getInt64(), st->getColumn(4).getInt64(),
               st->getColumn(5).getInt64()};
    c.nps = estimate_net(c.bands, r.options.min_n);
    b.segment_periods.push_back(std::move(c));
  }
}

void load_theme_segments(SQLite::Database& db, const NpsReport& r, Breakdowns& b) {
  std::map<std::string, std::int64_t> comments;
  ScopedQuery totals(db,
                     "SELECT s.value, sum(trim(r.text) <> '') FROM segments s JOIN scope r ON "
                     "r.id = s.response_id WHERE s.name IN " +
                         kSegmentNames + " GROUP BY s.value",
                     r.options);
  totals->bind(":segment", r.options.segment);
  while (totals->executeStep())
    comments[totals->getColumn(0).getString()] = totals->getColumn(1).getInt64();

  SQLite::Statement st(db,
                       "SELECT mc.theme, s.value, count(*), sum(mc.mentions), sum(mc.positive), "
                       "sum(mc.negative) FROM temp.scoped_mention_counts mc JOIN segments s ON "
                       "s.response_id = mc.response_id AND s.name IN " +
                           kSegmentNames + " GROUP BY mc.theme, s.value");
  st.bind(":segment", r.options.segment);
  std::map<std::pair<std::string, std::string>, ThemeSegment> cells;
  while (st.executeStep()) {
    ThemeSegment c;
    c.theme = st.getColumn(0).getString();
    c.value = st.getColumn(1).getString();
    c.respondents = st.getColumn(2).getInt64();
    c.comments = comments[c.value];
    c.share_pct = pct(c.respondents, c.comments);
    c.mentions = st.getColumn(3).getInt64();
    c.net_sentiment = net(st.getColumn(4).getInt64(), st.getColumn(5).getInt64(), c.mentions);
    c.small = c.mentions < r.options.min_n;
    cells[{c.theme, c.value}] = std::move(c);
  }
  for (const ThemeTrend& t : b.trends) {
    for (const std::string& value : b.values) {
      const auto at = cells.find({t.theme->theme, value});
      if (at != cells.end()) b.theme_segments.push_back(std::move(at->second));
    }
  }
}

}  // namespace

Breakdowns load_breakdowns(SQLite::Database& db, const NpsReport& r) {
  Breakdowns b;
  load_trends(db, r, b);
  if (r.options.segment.empty()) return b;
  for (const GroupNps& g : r.segments) b.values.push_back(g.key);
  load_segment_periods(db, r, b);
  load_theme_segments(db, r, b);
  return b;
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

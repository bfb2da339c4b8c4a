// Themes over time and by segment, for the report's small multiples and heatmaps (issue 19,
// point 4): each headline theme period by period (volume, net sentiment, impact), the NPS of each
// segment value in each period, and each headline theme in each segment value. Read within the
// report's scope (--since, --until, --where) from the temporary table scoped_mention_counts that
// load_nps_report fills, so call it after load_nps_report on the same connection. The figures
// equal the views theme_by_period, segment_nps_by_period (by month) and theme_by_segment on the
// same responses, rounded as they round.
//
//   const NpsReport r = load_nps_report(db, options);
//   const Breakdowns b = load_breakdowns(db, r);
#pragma once

#include <SQLiteCpp/Database.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/nps_report.h"

namespace ascolto {

// One theme in one period (a row of theme_by_period).
struct ThemePeriod {
  std::string period;
  std::int64_t respondents = 0;  // mentioners
  std::int64_t comments = 0;     // responses of the period with a comment
  double share_pct = 0;          // respondents / comments
  std::int64_t mentions = 0;
  std::optional<double> net_sentiment;  // % positive - % negative mentions
  std::int64_t scored = 0;              // scored mentioners
  std::optional<Impact> impact;         // against the period's NPS
  bool small = false;                   // fewer than --min-n mentions or scored mentioners
};

// A headline top-level theme over every period of the report (periods nobody mentioned it in
// have respondents 0 and no net sentiment or impact).
struct ThemeTrend {
  const ThemeDriver* theme = nullptr;  // into NpsReport::themes
  std::vector<ThemePeriod> periods;    // as NpsReport::periods
};

// A segment value in a period (a row of segment_nps_by_period).
struct SegmentPeriod {
  std::string value, period;
  NetCounts bands;
  std::optional<NetEstimate> nps;  // small under --min-n
};

// A theme within a segment value (a row of theme_by_segment).
struct ThemeSegment {
  std::string theme, value;
  std::int64_t respondents = 0, comments = 0, mentions = 0;
  double share_pct = 0;
  std::optional<double> net_sentiment;
  bool small = false;  // fewer than --min-n mentions
};

struct Breakdowns {
  std::vector<ThemeTrend> trends;              // headline top-level themes, impact order
  std::vector<std::string> values;             // segment values, as NpsReport::segments
  std::vector<SegmentPeriod> segment_periods;  // by value, then period
  std::vector<ThemeSegment> theme_segments;    // by theme (trends' order), then value
};

// Empty segment grids without --segment.
Breakdowns load_breakdowns(SQLite::Database& db, const NpsReport& r);

// For `report --format json`: {"theme_by_period": [...], "segment_nps_by_period": [...],
// "theme_by_segment": [...]}, one object per cell with the views' column names (and "theme",
// "value", "period"), rounded as the views round.
nlohmann::json breakdowns_json(const Breakdowns& b);

// The cell of a grid, or nullptr when the pair has no response.
const SegmentPeriod* find_cell(const Breakdowns& b, const std::string& value,
                               const std::string& period);
const ThemeSegment* find_cell(const Breakdowns& b, const ThemeDriver& theme,
                              const std::string& value);

}  // namespace ascolto

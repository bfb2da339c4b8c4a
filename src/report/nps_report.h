// The NPS analytics behind `ascolto report`: counts read from the database (within a date range),
// statistics computed by nps/statistics.h. NPS per period and segment with intervals and the
// significance of each change, theme drivers ranked by impact, what each band talks about, the
// themes that changed significantly in the last period, representative comments, what customers
// ask for, and the respondents seen per period. The text, CSV, JSON and HTML writers only format
// this.
//
//   NpsReport r = load_nps_report(db, {.by = Granularity::Month, .segment = "store"});
#pragma once

#include <SQLiteCpp/Database.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nps/statistics.h"

namespace ascolto {

enum class Granularity { Week, Month, Quarter };
const char* granularity_name(Granularity g);
// Parses week|month|quarter; throws UsageError otherwise.
Granularity parse_granularity(const std::string& text);

struct ReportOptions {
  Granularity by = Granularity::Month;
  std::string segment{};         // a segment column (case-insensitive); empty: none
  std::string since{}, until{};  // inclusive ISO dates YYYY-MM-DD; empty: open
  std::string where{};           // "name=value": only the responses with that segment value
  int min_n = kDefaultMinN;
  int top = 10;      // themes in the ranked lists
  int examples = 2;  // most negative and most positive comments per top theme
};

// NPS of one group (all, a period, a segment value) with its signals.
struct GroupNps {
  std::string key;  // period or segment value; empty for everyone
  NetCounts bands;  // promoters, passives, detractors
  std::optional<NetEstimate> nps;
  std::optional<Difference> change;  // vs the previous period, or a segment vs everyone else
  std::int64_t responses = 0;
  double detractor_pct = 0, churn_intent_pct = 0, repeat_contact_pct = 0;
  std::int64_t comments = 0;  // responses with a comment (not blank): what theme shares divide by
};

// What the respondents of one band say about a theme.
struct BandTalk {
  std::int64_t respondents = 0, mentions = 0;
  double mean_sentiment = 0, net_sentiment = 0;
};

struct ThemeDriver {
  std::string theme, parent, label_en, label_it;
  std::int64_t respondents = 0, mentions = 0;  // mentioners (scored or not) and mentions
  double share_pct = 0;                        // of the respondents who left a comment
  double mean_sentiment = 0, negative_pct = 0;
  NetCounts sentiment;                       // positive / neutral / negative mentions
  std::optional<NetEstimate> net_sentiment;  // % positive - % negative mentions
  std::int64_t complaints = 0, suggestions = 0;
  std::optional<NetEstimate> nps;  // of the scored mentioners
  std::optional<Impact> impact;
  std::array<BandTalk, 3> by_band;  // promoter, passive, detractor
};

// A theme whose volume, net sentiment or impact moved significantly between two periods.
struct ThemeChange {
  std::string theme, measure;  // measure: volume, net_sentiment, impact
  double before = 0, after = 0;
  Difference test;
  // Better for customers (a better net sentiment or impact, more talk of a theme praised, less
  // of one complained about); empty for the volume of a theme whose net sentiment's interval
  // holds zero.
  std::optional<bool> good_news;
};

struct Example {
  std::string theme, text, matched;
  std::int64_t start = 0, end = 0;  // code points in text
  double sentiment = 0;
  std::optional<int> score;
  std::int64_t response_id = 0;
  std::string date, respondent;  // YYYY-MM-DD or empty; respondent or source id, or empty
};

// A top-level theme customers ask something of ("please add", "sarebbe utile"): its suggestion
// mentions (subthemes included) and the shortest comments that make them.
struct ThemeRequests {
  std::string theme, label_en, label_it;
  std::int64_t suggestions = 0;
  std::vector<Example> examples;
};

// Respondents are the respondent column; a response without one is an unidentified
// respondent, neither new nor returning: respondents = new + returning + unidentified.
struct PeriodRespondents {
  std::string period;
  std::int64_t respondents = 0, new_respondents = 0, returning_respondents = 0,
               unidentified_respondents = 0, responses = 0, comments = 0;
  double comments_per_respondent = 0;  // comments / respondents, rounded to 2 decimals
};

// "Act on this first": a theme whose impact interval excludes zero, with what it rests on.
struct Priority {
  const ThemeDriver* theme = nullptr;     // into NpsReport::themes
  std::vector<const ThemeChange*> trend;  // its significant changes in the last period
  std::optional<Example> example;         // a comment on the side of its impact
};

// The plain-language summary at the top of the report: the priorities (biggest impact first),
// what changed significantly since the previous period, and the data it rests on.
struct Summary {
  std::vector<Priority> priorities;   // at most kPrioritiesShown
  std::string first_date, last_date;  // of the responses in scope (YYYY-MM-DD)
  std::vector<std::string> sources;   // input files of the responses in scope
};
constexpr std::size_t kPrioritiesShown = 5;

struct NpsReport {
  ReportOptions options;
  Summary summary;
  GroupNps overall;
  std::vector<GroupNps> periods;    // oldest first
  std::vector<GroupNps> segments;   // largest first
  std::vector<ThemeDriver> themes;  // by impact, most negative first; themes without one last
  std::string current_period, previous_period;
  std::vector<ThemeChange> changes;
  std::vector<Example> examples;
  std::vector<ThemeRequests> requests;  // most suggestions first, at most options.top
  std::vector<PeriodRespondents> respondents;
};

NpsReport load_nps_report(SQLite::Database& db, const ReportOptions& options);

// SQL for the period (granularity `g`) of the date in `column`, as the view response_periods
// computes it: NULL for a NULL date, no period for an empty one.
std::string period_sql(Granularity g, const std::string& column);

// One theme in one period (options.by) of the responses in scope, for per-theme trends (small
// multiples, heatmaps): the counts behind theme_by_period, summed from the stored per-day rows
// (theme_days) without --where, so cheap on a million responses. A subtheme's mentions count for
// its parent. Undated responses are in no period.
struct ThemePeriodCounts {
  std::string theme, period;
  std::int64_t respondents = 0;  // mentioners, scored or not
  NetCounts bands;               // the scored mentioners' promoters, passives, detractors
  std::int64_t mentions = 0;
  double sentiment_sum = 0;
  NetCounts sentiment;  // positive / neutral / negative mentions
};
// By theme, then period (oldest first). Call after load_nps_report on the same connection, or
// on a database whose last import finished (see store/response_themes.h).
std::vector<ThemePeriodCounts> load_theme_periods(SQLite::Database& db,
                                                  const ReportOptions& options);

// What the terminal and HTML reports show, as a tree: the `options.top` top-level themes with
// the largest impact either way, plus the kLargestShown most mentioned ones, in impact order,
// each followed by its kChildrenShown subthemes of largest impact (in impact order). A
// parent's figures include its subthemes' (a respondent counted once).
constexpr std::size_t kLargestShown = 3;
constexpr std::size_t kChildrenShown = 3;
std::vector<const ThemeDriver*> headline_themes(const NpsReport& r);

}  // namespace ascolto

#include "report/nps_report.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "common/error.h"
#include "report/number_format.h"
#include "report/scope.h"
#include "store/response_themes.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace ascolto {
namespace {

// Band counts, responses, signal counts and comments of the responses `r` in a GROUP BY: columns
// first..first+7.
const std::string kGroupCounts =
    "count(r.score), coalesce(sum(r.band = 'promoter'), 0), coalesce(sum(r.band = 'passive'), 0), "
    "coalesce(sum(r.band = 'detractor'), 0), count(*), coalesce(sum(r.churn_intent), 0), "
    "coalesce(sum(r.repeat_contact), 0), coalesce(sum(trim(r.text) <> ''), 0)";

NetCounts counts_at(SQLite::Statement& st, int first) {
  return {st.getColumn(first + 1).getInt64(), st.getColumn(first + 2).getInt64(),
          st.getColumn(first + 3).getInt64()};
}

// The columns of kGroupCounts from `first` on.
using GroupCounts = std::array<std::int64_t, 8>;
GroupCounts group_counts_at(SQLite::Statement& st, int first) {
  GroupCounts c{};
  for (std::size_t i = 0; i < c.size(); ++i)
    c[i] = st.getColumn(first + static_cast<int>(i)).getInt64();
  return c;
}

NetCounts minus(const NetCounts& a, const NetCounts& b) {
  return {a.positive - b.positive, a.neutral - b.neutral, a.negative - b.negative};
}

double pct(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

GroupNps group_of(const GroupCounts& c, const std::string& key, int min_n) {
  GroupNps g;
  g.key = key;
  g.bands = {c[1], c[2], c[3]};
  g.nps = estimate_net(g.bands, min_n);
  g.responses = c[4];
  g.detractor_pct = pct(g.bands.negative, g.bands.n());
  g.churn_intent_pct = pct(c[5], g.responses);
  g.repeat_contact_pct = pct(c[6], g.responses);
  g.comments = c[7];
  return g;
}

void check_date(const std::string& date, const char* option) {
  const bool ok = date.empty() || (date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                                   std::all_of(date.begin(), date.end(), [](char c) {
                                     return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
                                   }));
  if (!ok) throw UsageError(std::string(option) + " '" + date + "': expected a date YYYY-MM-DD");
}

}  // namespace

std::string period_sql(Granularity g, const std::string& column) {
  switch (g) {
    case Granularity::Week:
      return "date(" + column + ", 'weekday 0', '-6 days')";
    case Granularity::Month:
      return "substr(" + column + ", 1, 7)";
    case Granularity::Quarter:
      return "substr(" + column + ", 1, 4) || '-Q' || ((CAST(substr(" + column +
             ", 6, 2) AS INTEGER) + 2) / 3)";
  }
  return "";
}

namespace {

// The days of a period as a half-open range [first, after) of YYYY-MM-DD: a response of the
// period has first <= response_date < after, so the date index finds them.
std::pair<std::string, std::string> period_days(SQLite::Database& db, Granularity g,
                                                const std::string& period) {
  std::string first = period;
  const char* step = "+7 days";
  if (g == Granularity::Month) {
    first = period + "-01";
    step = "+1 month";
  } else if (g == Granularity::Quarter && period.size() == 7) {
    const int month = 3 * (period[6] - '0') - 2;
    first = period.substr(0, 4) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-01";
    step = "+3 months";
  }
  SQLite::Statement st(db, "SELECT date(?, ?)");
  st.bind(1, first);
  st.bind(2, step);
  st.executeStep();
  return {first, st.getColumn(0).getString()};
}

// Respondents per period: new or returning by the first period a respondent answered in over
// the whole database, so that --since or --where does not make old customers new.
PeriodRespondents respondents_at(SQLite::Statement& st, const GroupCounts& c) {
  PeriodRespondents p;
  p.period = st.getColumn(0).getString();
  p.new_respondents = st.getColumn(10).getInt64();
  p.returning_respondents = st.getColumn(11).getInt64();
  p.unidentified_respondents = st.getColumn(12).getInt64();
  p.respondents = st.getColumn(9).getInt64() + p.unidentified_respondents;
  p.responses = c[4];
  p.comments = c[7];
  p.comments_per_respondent =
      round_to(static_cast<double>(p.comments) / static_cast<double>(p.respondents), 2);
  return p;
}

// Everyone, each period and its respondents from one pass over the responses in scope: the
// overall figures are the sums of the periods' and of the undated responses' (a NULL period).
void load_groups(SQLite::Database& db, NpsReport& r) {
  const ReportOptions& o = r.options;
  ScopedQuery periods(
      db,
      ", first AS (SELECT respondent_id AS who, min(" + period_sql(o.by, "response_date") +
          ") AS period FROM responses WHERE response_date IS NOT NULL AND respondent_id IS NOT "
          "NULL GROUP BY respondent_id) SELECT r.period, " +
          kGroupCounts +
          ", count(DISTINCT r.respondent_id), count(DISTINCT CASE WHEN f.period = r.period THEN "
          "r.respondent_id END), count(DISTINCT CASE WHEN f.period < r.period THEN "
          "r.respondent_id END), sum(r.respondent_id IS NULL) FROM (SELECT " +
          period_sql(o.by, "response_date") +
          " AS period, * FROM scope) r LEFT JOIN first f ON f.who = r.respondent_id GROUP BY "
          "r.period ORDER BY r.period",
      o);
  GroupCounts all{};
  while (periods->executeStep()) {
    const GroupCounts c = group_counts_at(*periods, 1);
    for (std::size_t i = 0; i < all.size(); ++i) all[i] += c[i];
    if (periods->getColumn(0).isNull()) continue;  // undated: in the overall figures only
    GroupNps g = group_of(c, periods->getColumn(0).getString(), o.min_n);
    if (!r.periods.empty() && r.periods.back().nps && g.nps) {
      g.change = compare(*g.nps, *r.periods.back().nps);
    }
    r.periods.push_back(std::move(g));
    r.respondents.push_back(respondents_at(*periods, c));
  }
  r.overall = group_of(all, "", o.min_n);
  if (o.segment.empty()) return;
  ScopedQuery segments(db,
                       "SELECT s.value, " + kGroupCounts +
                           " FROM segments s JOIN scope r ON r.id = s.response_id WHERE "
                           "lower(s.name) = lower(:segment) GROUP BY s.value ORDER BY count(*) "
                           "DESC, s.value",
                       o);
  segments->bind(":segment", o.segment);
  while (segments->executeStep()) {
    GroupNps g =
        group_of(group_counts_at(*segments, 1), segments->getColumn(0).getString(), o.min_n);
    const auto rest = estimate_net(minus(r.overall.bands, g.bands), o.min_n);
    if (g.nps && rest) g.change = compare(*g.nps, *rest);
    r.segments.push_back(std::move(g));
  }
  if (r.segments.empty() && segment_values(db, o.segment, 1).empty()) {
    const std::string names = segment_names(db);
    throw UsageError(
        "no segment column named '" + o.segment + "'" +
        (names.empty() ? " (the database has no segment columns)" : "; columns: " + names));
  }
}

// Per theme: mentioners with their bands, then mention sentiment and intents (columns 8..13),
// then per band respondents, mentions, sentiment sum, positive and negative mentions (with
// `bands`), from `mc`. Without a segment filter the source is the per-day sums theme_days
// (scoped_theme_days), with one scoped_themes, a row per respondent: the same figures.
std::string theme_counts(const ReportOptions& o, bool bands) {
  const bool by_day = o.where.empty();
  std::string sql = by_day ? "sum(mc.respondents), sum(mc.scored), sum(mc.promoters), "
                             "sum(mc.passives), sum(mc.detractors)"
                           : "count(*), count(mc.score), coalesce(sum(mc.band = 'promoter'), 0), "
                             "coalesce(sum(mc.band = 'passive'), 0), coalesce(sum(mc.band = "
                             "'detractor'), 0)";
  sql +=
      ", sum(mc.mentions), sum(mc.sentiment_sum), sum(mc.positive), sum(mc.negative), "
      "sum(mc.complaints), sum(mc.suggestions)";
  for (const char* band : {"promoter", "passive", "detractor"}) {
    if (!bands) break;
    const std::string b = band;
    if (by_day) {
      sql += ", sum(mc." + b + "s), sum(mc." + b + "_mentions), sum(mc." + b +
             "_sentiment_sum), sum(mc." + b + "_positive), sum(mc." + b + "_negative)";
    } else {
      const std::string when = "CASE WHEN mc.band = '" + b + "' THEN ";
      sql += ", coalesce(sum(mc.band = '" + b + "'), 0), sum(" + when + "mc.mentions END), sum(" +
             when + "mc.sentiment_sum END), sum(" + when + "mc.positive END), sum(" + when +
             "mc.negative END)";
    }
  }
  return sql + (by_day ? " FROM scoped_theme_days mc" : " FROM scoped_themes mc");
}

constexpr std::array<const char*, 3> kBands = {"promoter", "passive", "detractor"};

NetCounts mention_sentiment(std::int64_t mentions, std::int64_t positive, std::int64_t negative) {
  return {positive, mentions - positive - negative, negative};
}

void load_themes(SQLite::Database& db, NpsReport& r) {
  const ReportOptions& o = r.options;
  const std::int64_t comments = r.overall.comments;
  // One pass over response_themes in its key order (theme first): no sort, the band split too.
  std::string sql =
      "SELECT mc.theme, coalesce(t.parent, ''), coalesce(t.label_en, mc.theme), "
      "coalesce(t.label_it, mc.theme), " +
      theme_counts(o, true);
  ScopedQuery st(db, sql + " LEFT JOIN themes t ON t.id = mc.theme GROUP BY mc.theme", o);
  while (st->executeStep()) {
    ThemeDriver d;
    d.theme = st->getColumn(0).getString();
    d.parent = st->getColumn(1).getString();
    d.label_en = st->getColumn(2).getString();
    d.label_it = st->getColumn(3).getString();
    d.respondents = st->getColumn(4).getInt64();
    d.share_pct = pct(d.respondents, comments);
    const NetCounts mentioners = counts_at(*st, 5);
    d.nps = estimate_net(mentioners, o.min_n);
    d.impact = theme_impact(mentioners, minus(r.overall.bands, mentioners));
    d.mentions = st->getColumn(9).getInt64();
    d.mean_sentiment = st->getColumn(10).getDouble() / static_cast<double>(d.mentions);
    d.sentiment =
        mention_sentiment(d.mentions, st->getColumn(11).getInt64(), st->getColumn(12).getInt64());
    d.negative_pct = pct(d.sentiment.negative, d.mentions);
    d.net_sentiment = estimate_net(d.sentiment, o.min_n);
    d.complaints = st->getColumn(13).getInt64();
    d.suggestions = st->getColumn(14).getInt64();
    for (std::size_t slot = 0; slot < kBands.size(); ++slot) {
      const int at = 15 + 5 * static_cast<int>(slot);
      BandTalk& t = d.by_band[slot];
      t.respondents = st->getColumn(at).getInt64();
      if (t.respondents == 0) continue;
      t.mentions = st->getColumn(at + 1).getInt64();
      t.mean_sentiment = st->getColumn(at + 2).getDouble() / static_cast<double>(t.mentions);
      t.net_sentiment =
          pct(st->getColumn(at + 3).getInt64() - st->getColumn(at + 4).getInt64(), t.mentions);
    }
    r.themes.push_back(std::move(d));
  }
  // Most negative impact first: the themes that cost the most NPS points lead.
  std::stable_sort(r.themes.begin(), r.themes.end(), [](const auto& a, const auto& b) {
    if (a.impact.has_value() != b.impact.has_value()) return a.impact.has_value();
    if (a.impact && a.impact->value != b.impact->value) return a.impact->value < b.impact->value;
    return a.theme < b.theme;
  });
}

// One theme in one period: what the significance tests need.
struct ThemeInPeriod {
  std::int64_t mentioners = 0;  // scored
  std::optional<Share> volume;
  std::optional<NetEstimate> net_sentiment;
  std::optional<Impact> impact;
};

std::map<std::string, ThemeInPeriod> themes_in_period(SQLite::Database& db, const NpsReport& r,
                                                      const GroupNps& period) {
  const ReportOptions& o = r.options;
  const std::int64_t commented = period.comments;
  const auto [first, after] = period_days(db, o.by, period.key);
  ScopedQuery st(db,
                 "SELECT mc.theme, " + theme_counts(o, false) +
                     // Listing the themes lets each theme's days of the period be sought by
                     // key instead of every row read.
                     " WHERE mc.theme IN (SELECT DISTINCT theme FROM theme_days) AND mc.day >= "
                     ":first AND mc.day < :after GROUP BY mc.theme",
                 o);
  st->bind(":first", first);
  st->bind(":after", after);
  std::map<std::string, ThemeInPeriod> out;
  while (st->executeStep()) {
    ThemeInPeriod& t = out[st->getColumn(0).getString()];
    t.volume = share_of(st->getColumn(1).getInt64(), commented);
    const NetCounts mentioners = counts_at(*st, 2);
    t.mentioners = mentioners.n();
    t.impact = theme_impact(mentioners, minus(period.bands, mentioners));
    t.net_sentiment =
        estimate_net(mention_sentiment(st->getColumn(6).getInt64(), st->getColumn(8).getInt64(),
                                       st->getColumn(9).getInt64()),
                     o.min_n);
  }
  return out;
}

// Records a significant change; groups under the minimum n on either side are not tested, as
// a handful of mentions would "change significantly" every period.
template <typename Estimate>
void note_change(std::vector<ThemeChange>& out, const std::string& theme, const char* measure,
                 const std::optional<Estimate>& before, const std::optional<Estimate>& after,
                 double (*value)(const Estimate&), bool large_enough) {
  if (!before || !after || !large_enough) return;
  const Difference d = compare(*after, *before);
  if (d.significant) out.push_back({theme, measure, value(*before), value(*after), d, {}});
}

// Whether a change is good news: a better net sentiment or impact is; more talk of a theme is
// good news when customers clearly speak well of it (the interval of its net sentiment over the
// whole range above zero) and bad news when they clearly complain of it; neither otherwise.
std::optional<bool> good_news(const NpsReport& r, const ThemeChange& c) {
  if (c.measure != "volume") return c.test.delta > 0;
  for (const ThemeDriver& t : r.themes) {
    if (t.theme != c.theme || !t.net_sentiment) continue;
    if (t.net_sentiment->low > 0) return c.test.delta > 0;
    if (t.net_sentiment->high < 0) return c.test.delta < 0;
  }
  return std::nullopt;
}

void load_changes(SQLite::Database& db, NpsReport& r) {
  if (r.periods.size() < 2) return;
  const GroupNps& current = r.periods.back();
  const GroupNps& previous = r.periods[r.periods.size() - 2];
  r.current_period = current.key;
  r.previous_period = previous.key;
  const auto before = themes_in_period(db, r, previous);
  const auto after = themes_in_period(db, r, current);
  std::map<std::string, std::pair<ThemeInPeriod, ThemeInPeriod>> pairs;
  for (const auto& [theme, t] : before) pairs[theme].first = t;
  for (const auto& [theme, t] : after) pairs[theme].second = t;
  for (auto& [theme, pair] : pairs) {
    auto& [earlier, now] = pair;
    // A theme nobody mentioned in a period had a volume of zero, out of that period's comments.
    if (!earlier.volume) earlier.volume = share_of(0, previous.comments);
    if (!now.volume) now.volume = share_of(0, current.comments);
    const auto large = [&](std::int64_t a, std::int64_t b) {
      return a >= r.options.min_n && b >= r.options.min_n;
    };
    note_change<Share>(
        r.changes, theme, "volume", earlier.volume, now.volume,
        [](const Share& s) { return s.pct; }, large(earlier.volume->n, now.volume->n));
    note_change<NetEstimate>(
        r.changes, theme, "net_sentiment", earlier.net_sentiment, now.net_sentiment,
        [](const NetEstimate& e) { return e.value; },
        earlier.net_sentiment && now.net_sentiment &&
            large(earlier.net_sentiment->n, now.net_sentiment->n));
    note_change<Impact>(
        r.changes, theme, "impact", earlier.impact, now.impact,
        [](const Impact& i) { return i.value; }, large(earlier.mentioners, now.mentioners));
  }
  std::stable_sort(r.changes.begin(), r.changes.end(),
                   [](const auto& a, const auto& b) { return a.test.p_value < b.test.p_value; });
  for (ThemeChange& c : r.changes) c.good_news = good_news(r, c);
}

// The mentions in scope of :theme or of its subthemes, as (response text, mention text, start,
// end, sentiment, score), up to a condition that follows. The theme ids are listed first so that
// the mentions_theme_sentiment index finds the mentions: an OR over a join scanned them all per
// theme.
const std::string kThemeMentions =
    "SELECT r.text, m.text, m.start, m.\"end\", m.sentiment, r.score, r.id, "
    "coalesce(r.response_date, ''), coalesce(r.respondent_id, r.source_id, '') FROM mentions m "
    "JOIN scope "
    "r ON r.id = m.response_id WHERE m.theme IN (SELECT :theme UNION SELECT id FROM themes WHERE "
    "parent = :theme) AND ";

// A row of kThemeMentions.
Example read_example(SQLite::Statement& st, const std::string& theme) {
  Example e{theme,
            st.getColumn(0).getString(),
            st.getColumn(1).getString(),
            st.getColumn(2).getInt64(),
            st.getColumn(3).getInt64(),
            st.getColumn(4).getDouble(),
            {},
            0,
            {},
            {}};
  if (!st.getColumn(5).isNull()) e.score = st.getColumn(5).getInt();
  e.response_id = st.getColumn(6).getInt64();
  e.date = st.getColumn(7).getString().substr(0, 10);
  e.respondent = st.getColumn(8).getString();
  return e;
}

// Mentions of `theme` (or its subthemes) on one side, from comments whose overall label agrees
// with the mention (a complaint is never shown as praise): the strongest first, at most `k`,
// skipping the responses in `skip` (and adding those taken).
// The theme and its subthemes, as the IN list of kThemeMentions has them.
std::vector<std::string> theme_family(SQLite::Database& db, const std::string& theme) {
  SQLite::Statement st(db, "SELECT :theme UNION SELECT id FROM themes WHERE parent = :theme");
  st.bind(":theme", theme);
  std::vector<std::string> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  return out;
}

// Mentions of `theme` (or its subthemes) on one side, from comments whose overall label agrees
// with the mention (a complaint is never shown as praise): the strongest first (ties by response
// id; of a comment's equally strong mentions, the first in it), at most `k`, skipping the
// responses in `skip` (and adding those taken). Each family
// theme's mentions are read in that order from the index mentions_theme_sentiment and merged, so
// that only the mentions up to the k-th comment are read, not all of a large theme's.
std::vector<Example> side_examples(SQLite::Database& db, const ReportOptions& o,
                                   const std::string& theme, bool negative, int k,
                                   std::set<std::int64_t>& skip) {
  const std::string side =
      negative ? "m.sentiment <= -0.05 AND m.intent <> 'praise' AND r.label "
                 "IN ('negative', 'mixed') ORDER BY m.sentiment, m.response_id, m.start"
               : "m.sentiment >= 0.05 AND m.intent <> 'complaint' AND r.label "
                 "IN ('positive', 'mixed') ORDER BY m.sentiment DESC, "
                 "m.response_id, m.start";
  std::vector<std::unique_ptr<ScopedQuery>> cursors;
  std::vector<bool> live;
  for (const std::string& member : theme_family(db, theme)) {
    cursors.push_back(std::make_unique<ScopedQuery>(
        db,
        "SELECT r.text, m.text, m.start, m.\"end\", m.sentiment, r.score, r.id, "
        "coalesce(r.response_date, ''), coalesce(r.respondent_id, r.source_id, '') FROM mentions "
        "m JOIN scope r ON r.id = m.response_id WHERE m.theme = :member AND " +
            side,
        o));
    (*cursors.back())->bind(":member", member);
    live.push_back((*cursors.back())->executeStep());
  }
  // Whether cursor a's mention comes before cursor b's.
  const auto before = [&](std::size_t a, std::size_t b) {
    const double sa = (*cursors[a])->getColumn(4).getDouble();
    const double sb = (*cursors[b])->getColumn(4).getDouble();
    if (sa != sb) return negative ? sa < sb : sa > sb;
    const std::int64_t ra = (*cursors[a])->getColumn(6).getInt64();
    const std::int64_t rb = (*cursors[b])->getColumn(6).getInt64();
    if (ra != rb) return ra < rb;
    return (*cursors[a])->getColumn(2).getInt64() < (*cursors[b])->getColumn(2).getInt64();
  };
  std::vector<Example> out;
  std::set<std::int64_t> seen;  // a comment counts at its strongest mention only
  while (static_cast<int>(out.size()) < k) {
    std::size_t best = cursors.size();
    for (std::size_t i = 0; i < cursors.size(); ++i) {
      if (live[i] && (best == cursors.size() || before(i, best))) best = i;
    }
    if (best == cursors.size()) break;
    SQLite::Statement& st = **cursors[best];
    const std::int64_t id = st.getColumn(6).getInt64();
    if (seen.insert(id).second && skip.insert(id).second) out.push_back(read_example(st, theme));
    live[best] = st.executeStep();
  }
  return out;
}

// The most negative and most positive mentions of each headline theme, each comment once per
// family: a comment shown under a parent is not shown again under its subtheme.
void load_examples(SQLite::Database& db, NpsReport& r) {
  std::map<std::string, std::set<std::int64_t>> shown;  // by the family's top-level theme
  for (const ThemeDriver* t : headline_themes(r)) {
    std::set<std::int64_t>& family = shown[t->parent.empty() ? t->theme : t->parent];
    for (const bool negative : {true, false}) {
      for (Example& e :
           side_examples(db, r.options, t->theme, negative, r.options.examples, family))
        r.examples.push_back(std::move(e));
    }
  }
}

// The themes whose impact interval excludes zero, biggest impact first (a subtheme only when
// its parent is not listed), each with its significant changes and one comment on the side of
// its impact, no comment twice; the range and sources.
void load_summary(SQLite::Database& db, NpsReport& r) {
  std::vector<const ThemeDriver*> clear;
  for (const ThemeDriver& t : r.themes) {
    if (t.impact && (t.impact->low > 0 || t.impact->high < 0)) clear.push_back(&t);
  }
  std::stable_sort(clear.begin(), clear.end(), [](const auto* a, const auto* b) {
    return std::fabs(a->impact->value) > std::fabs(b->impact->value);
  });
  std::set<std::int64_t> quoted;  // a comment quoted once
  std::set<std::string> listed;
  for (const ThemeDriver* t : clear) {
    // A subtheme whose parent is listed is already counted in it.
    if (!t->parent.empty() && listed.count(t->parent)) continue;
    if (r.summary.priorities.size() == kPrioritiesShown) break;
    listed.insert(t->theme);
    Priority p{t, {}, {}};
    for (const ThemeChange& c : r.changes) {
      if (c.theme == t->theme) p.trend.push_back(&c);
    }
    auto e = side_examples(db, r.options, t->theme, t->impact->value < 0, 1, quoted);
    if (!e.empty()) p.example = std::move(e.front());
    r.summary.priorities.push_back(std::move(p));
  }
  ScopedQuery range(db,
                    "SELECT coalesce(min(substr(response_date, 1, 10)), ''), "
                    "coalesce(max(substr(response_date, 1, 10)), '') FROM scope",
                    r.options);
  range->executeStep();
  r.summary.first_date = range->getColumn(0).getString();
  r.summary.last_date = range->getColumn(1).getString();
  ScopedQuery sources(db, "SELECT DISTINCT source_file FROM scope ORDER BY source_file", r.options);
  while (sources->executeStep()) r.summary.sources.push_back(sources->getColumn(0).getString());
}

// A request reads best as the sentence that makes it: the example keeps only that sentence, its
// mention offsets moved along.
void narrow_to_sentence(Example& e, Tokenizer& tokenizer, TokenizedText& scratch) {
  tokenizer.tokenize(e.text, scratch);
  const std::size_t at = code_point_offset(e.text, static_cast<std::size_t>(e.start));
  for (const Sentence& s : scratch.sentences) {
    if (at < s.start || at >= s.end) continue;
    std::string_view sentence = std::string_view(e.text).substr(s.start, s.end - s.start);
    const std::size_t last = sentence.find_last_not_of(" \t\r\n");
    sentence = sentence.substr(0, last == std::string_view::npos ? 0 : last + 1);
    const auto shift =
        static_cast<std::int64_t>(code_point_count(std::string_view(e.text).substr(0, s.start)));
    e.start -= shift;
    e.end -= shift;
    e.text = std::string(sentence);
    return;
  }
}

// Top-level themes by their suggestion mentions, each with the shortest comments that make one
// (short ones read best in a list; ties by id keep the order stable), cut to that sentence.
void load_requests(SQLite::Database& db, NpsReport& r) {
  const ReportOptions& o = r.options;
  std::vector<const ThemeDriver*> asked;
  for (const ThemeDriver& t : r.themes) {
    if (t.parent.empty() && t.suggestions > 0) asked.push_back(&t);
  }
  std::stable_sort(asked.begin(), asked.end(), [](const ThemeDriver* a, const ThemeDriver* b) {
    return a->suggestions != b->suggestions ? a->suggestions > b->suggestions : a->theme < b->theme;
  });
  if (asked.size() > static_cast<std::size_t>(std::max(o.top, 0))) asked.resize(o.top);
  Tokenizer tokenizer;
  TokenizedText scratch;
  for (const ThemeDriver* t : asked) {
    ThemeRequests q{t->theme, t->label_en, t->label_it, t->suggestions, {}};
    ScopedQuery st(
        db,
        kThemeMentions +
            "m.intent = 'suggestion' GROUP BY r.id ORDER BY length(r.text), r.id LIMIT :k",
        o);
    st->bind(":theme", t->theme);
    st->bind(":k", std::max(o.examples, 1));
    while (st->executeStep()) {
      q.examples.push_back(read_example(*st, t->theme));
      narrow_to_sentence(q.examples.back(), tokenizer, scratch);
    }
    r.requests.push_back(std::move(q));
  }
}

}  // namespace

std::vector<const ThemeDriver*> headline_themes(const NpsReport& r) {
  const auto top = static_cast<std::size_t>(std::max(r.options.top, 0));
  std::map<std::string, const ThemeDriver*> by_id;
  for (const ThemeDriver& t : r.themes) by_id[t.theme] = &t;
  const auto top_level = [&](const ThemeDriver& t) {
    return t.parent.empty() || by_id.find(t.parent) == by_id.end();
  };
  std::vector<const ThemeDriver*> tops;
  for (const ThemeDriver& t : r.themes) {
    if (t.impact && top_level(t)) tops.push_back(&t);
  }
  std::stable_sort(tops.begin(), tops.end(), [](const auto* a, const auto* b) {
    return std::fabs(a->impact->value) > std::fabs(b->impact->value);
  });
  std::vector<const ThemeDriver*> chosen(tops.begin(), tops.begin() + std::min(top, tops.size()));
  // The themes talked about most are shown whatever their impact: a large theme missing from
  // the drivers reads as if nobody mentioned it.
  std::stable_sort(tops.begin(), tops.end(),
                   [](const auto* a, const auto* b) { return a->respondents > b->respondents; });
  for (std::size_t i = 0; i < std::min<std::size_t>(kLargestShown, tops.size()); ++i) {
    if (std::find(chosen.begin(), chosen.end(), tops[i]) == chosen.end() && top > 0) {
      chosen.push_back(tops[i]);
    }
  }
  const auto by_impact = [](const auto* a, const auto* b) {
    return a->impact->value < b->impact->value;
  };
  std::stable_sort(chosen.begin(), chosen.end(), by_impact);
  std::vector<const ThemeDriver*> out;
  for (const ThemeDriver* parent : chosen) {
    out.push_back(parent);
    std::vector<const ThemeDriver*> children;
    for (const ThemeDriver& t : r.themes) {
      if (t.impact && t.parent == parent->theme) children.push_back(&t);
    }
    std::stable_sort(children.begin(), children.end(), [](const auto* a, const auto* b) {
      return std::fabs(a->impact->value) > std::fabs(b->impact->value);
    });
    if (children.size() > kChildrenShown) children.resize(kChildrenShown);
    std::stable_sort(children.begin(), children.end(), by_impact);
    out.insert(out.end(), children.begin(), children.end());
  }
  return out;
}

const char* granularity_name(Granularity g) {
  switch (g) {
    case Granularity::Week:
      return "week";
    case Granularity::Month:
      return "month";
    case Granularity::Quarter:
      return "quarter";
  }
  return "";
}

Granularity parse_granularity(const std::string& text) {
  for (Granularity g : {Granularity::Week, Granularity::Month, Granularity::Quarter}) {
    if (text == granularity_name(g)) return g;
  }
  throw UsageError("--by '" + text + "': expected week, month or quarter");
}

std::vector<ThemePeriodCounts> load_theme_periods(SQLite::Database& db,
                                                  const ReportOptions& options) {
  ScopedQuery st(db,
                 "SELECT mc.theme, " + period_sql(options.by, "mc.day") + " AS period, " +
                     theme_counts(options, false) +
                     " WHERE mc.day <> '' GROUP BY mc.theme, period ORDER BY mc.theme, period",
                 options);
  std::vector<ThemePeriodCounts> out;
  while (st->executeStep()) {
    ThemePeriodCounts t;
    t.theme = st->getColumn(0).getString();
    t.period = st->getColumn(1).getString();
    t.respondents = st->getColumn(2).getInt64();
    t.bands = counts_at(*st, 3);
    t.mentions = st->getColumn(7).getInt64();
    t.sentiment_sum = st->getColumn(8).getDouble();
    t.sentiment =
        mention_sentiment(t.mentions, st->getColumn(9).getInt64(), st->getColumn(10).getInt64());
    out.push_back(std::move(t));
  }
  return out;
}

NpsReport load_nps_report(SQLite::Database& db, const ReportOptions& options) {
  check_date(options.since, "--since");
  check_date(options.until, "--until");
  if (options.min_n < 1) throw UsageError("--min-n must be at least 1");
  check_where(db, options.where);
  NpsReport r;
  r.options = options;
  // Rows the last import has not refreshed yet (interrupted, still running) are computed for
  // this connection: slower, never stale.
  if (!response_themes_current(db) || has_shadow_response_themes(db)) shadow_response_themes(db);
  load_groups(db, r);
  load_themes(db, r);
  load_changes(db, r);
  load_examples(db, r);
  load_requests(db, r);
  load_summary(db, r);
  return r;
}

}  // namespace ascolto

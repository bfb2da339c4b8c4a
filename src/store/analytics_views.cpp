#include "store/analytics_views.h"

namespace ascolto {
namespace {

// Square root of a non-negative expression up to ~2 (variances of proportions): Newton's
// method from 1.0 converges to within an ulp in far fewer than 40 steps.
std::string sql_sqrt(const std::string& x) {
  return "(WITH RECURSIVE it(i, y) AS (SELECT 0, 1.0 UNION ALL SELECT i + 1, (y + (" + x +
         ") / y) / 2 FROM it WHERE i < 40) SELECT y FROM it WHERE i = 40)";
}

const std::string kZ = "1.959963984540054";

// Stage 1 of a net score over the counts `pos`, `neg`, `n` of the row: the (adjusted-Wald
// below n = 100) proportions, as columns <p>_pp, <p>_pd, <p>_na, <p>_centre.
std::string net_inputs(const std::string& p, const std::string& positive,
                       const std::string& negative, const std::string& count) {
  const std::string n = "(" + count + ")";
  // An empty group has no score (NULL), not an adjusted one.
  const auto when = [&](const std::string& small, const std::string& large) {
    return "CASE WHEN " + n + " = 0 THEN NULL WHEN " + n + " < 100 THEN " + small + " ELSE " +
           large + " END";
  };
  const auto proportion = [&](const std::string& part) {
    return when("((" + part + ") + 0.75) / (" + n + " + 3.0)", "1.0 * (" + part + ") / " + n);
  };
  return proportion(positive) + " AS " + p + "_pp, " + proportion(negative) + " AS " + p + "_pd, " +
         when(n + " + 3.0", "1.0 * " + n) + " AS " + p + "_na, 100.0 * ((" + positive + ") - (" +
         negative + ")) / " + n + " AS " + p + "_value";
}

// Stage 2: the variance and margin, as <p>_variance and <p>_margin.
std::string net_spread(const std::string& p) {
  const std::string variance = "(" + p + "_pp + " + p + "_pd - (" + p + "_pp - " + p + "_pd) * (" +
                               p + "_pp - " + p + "_pd)) / " + p + "_na";
  return variance + " AS " + p + "_variance, 100.0 * " + kZ + " * " + sql_sqrt(variance) + " AS " +
         p + "_margin";
}

// Stage 3: the published columns <name>, <name>_margin, <name>_low, <name>_high,
// <name>_method, rounded to one decimal as the report prints them.
std::string net_columns(const std::string& p, const std::string& name, const std::string& n) {
  const std::string centre =
      "CASE WHEN " + n + " < 100 THEN " + p + "_pp - " + p + "_pd ELSE " + p + "_value / 100.0 END";
  return "round(" + p + "_value, 1) AS " + name + ", round(" + p + "_margin, 1) AS " + name +
         "_margin, round(max(-100.0, min(100.0, 100.0 * (" + centre + ") - " + p +
         "_margin)), 1) AS " + name + "_low, round(max(-100.0, min(100.0, 100.0 * (" + centre +
         ") + " + p + "_margin)), 1) AS " + name + "_high, CASE WHEN " + n +
         " = 0 THEN NULL WHEN " + n + " < 100 THEN 'adjusted-wald' ELSE 'wald' END AS " + name +
         "_method";
}

// Stage 3 of the honest views (migration 7): the interval widened to hold its point, as
// columns <p>_low, <p>_high, after the columns of the row.
std::string net_bounds(const std::string& p, const std::string& n) {
  const std::string centre =
      "CASE WHEN " + n + " < 100 THEN " + p + "_pp - " + p + "_pd ELSE " + p + "_value / 100.0 END";
  return "min(max(-100.0, min(100.0, 100.0 * (" + centre + ") - " + p + "_margin)), " + p +
         "_value) AS " + p + "_low, max(max(-100.0, min(100.0, 100.0 * (" + centre + ") + " + p +
         "_margin)), " + p + "_value) AS " + p + "_high";
}

// Stage 4 of the honest views: as net_columns, from the widened bounds; the margin is NULL
// where the interval is not symmetric around the point (report_text prints "lo … hi" there).
std::string honest_net_columns(const std::string& p, const std::string& name,
                               const std::string& n) {
  const std::string v = p + "_value", lo = p + "_low", hi = p + "_high";
  return "round(" + v + ", 1) AS " + name + ", CASE WHEN abs((" + hi + " - " + v + ") - (" + v +
         " - " + lo + ")) < 1e-6 THEN round(" + p + "_margin, 1) END AS " + name +
         "_margin, round(" + lo + ", 1) AS " + name + "_low, round(" + hi + ", 1) AS " + name +
         "_high, CASE WHEN " + n + " = 0 THEN NULL WHEN " + n +
         " < 100 THEN 'adjusted-wald' ELSE 'wald' END AS " + name + "_method";
}

// Impact of mentioners (m) against the others (o), both net-score stages already computed:
// columns impact, impact_margin, impact_low, impact_high (one decimal).
std::string impact_columns(const std::string& mentioners, const std::string& others) {
  const std::string nm = "(" + mentioners + ")", no = "(" + others + ")";
  const std::string share = "(1.0 * " + nm + " / (" + nm + " + " + no + "))";
  const std::string gap = "((m_value - o_value) / 100.0)";
  const std::string variance = share + " * " + share + " * (m_variance + o_variance) + " + gap +
                               " * " + gap + " * " + share + " * (1.0 - " + share + ") / (" + nm +
                               " + " + no + ")";
  const std::string value = "100.0 * " + share + " * " + gap;
  const std::string margin = "100.0 * " + kZ + " * " + sql_sqrt(variance);
  return "round(" + value + ", 1) AS impact, round(" + margin + ", 1) AS impact_margin, round(" +
         value + " - " + margin + ", 1) AS impact_low, round(" + value + " + " + margin +
         ", 1) AS impact_high";
}

// Band and signal counts of the responses `r` in a GROUP BY.
const std::string kBandCounts =
    "count(r.score) AS n, coalesce(sum(r.band = 'promoter'), 0) AS pos, "
    "coalesce(sum(r.band = 'passive'), 0) AS neu, coalesce(sum(r.band = 'detractor'), 0) AS neg";

// The NPS view of any grouping: `counts` is a query with the grouping columns `keys` and
// kBandCounts plus `extra` aggregated columns; the result publishes the NPS columns after them.
// With `honest` (migration 7) the interval holds its point and the margin is NULL where the
// interval is asymmetric.
std::string nps_view(const std::string& name, const std::string& counts, const std::string& keys,
                     const std::string& extra_columns, bool honest = false) {
  return "CREATE VIEW " + name + " AS\nWITH c AS (" + counts + "),\na AS (SELECT c.*, " +
         net_inputs("s", "pos", "neg", "n") + " FROM c),\nv AS (SELECT a.*, " + net_spread("s") +
         " FROM a)" + (honest ? ",\nw AS (SELECT v.*, " + net_bounds("s", "n") + " FROM v)" : "") +
         "\nSELECT " + keys +
         ", n AS respondents, pos AS promoters, neu AS passives, neg AS detractors, " +
         (honest ? honest_net_columns("s", "nps", "n") : net_columns("s", "nps", "n")) +
         ", n < 30 AS small_sample" + extra_columns + "\nFROM " + (honest ? "w" : "v") +
         " ORDER BY " + keys + ";\n";
}

const std::string kSignalCounts =
    ", count(*) AS responses, round(100.0 * coalesce(sum(r.band = 'detractor'), 0) / "
    "count(r.score), 1) AS detractor_pct, round(100.0 * sum(r.churn_intent) / count(*), 1) AS "
    "churn_intent_pct, round(100.0 * sum(r.repeat_contact) / count(*), 1) AS repeat_contact_pct, "
    "round(avg(r.sentiment), 3) AS mean_sentiment";

const std::string kSignalColumns =
    ", responses, detractor_pct, churn_intent_pct, repeat_contact_pct, mean_sentiment";

// Where the theme views read a theme's respondents: the per-response counts `mc` (theme,
// mentions, sentiment_sum, positive, negative, complaints, suggestions, questions, praise) and
// the response `r` (score, band, churn_intent). Views up to schema 10 join the view
// theme_mention_counts with responses; from schema 11 both are the stored response_themes.
struct Source {
  std::string from;  // the FROM clause
  std::string m;     // prefix of the mention counts and the theme: "mc." or "r."
};
const Source kMentionCounts{"theme_mention_counts mc JOIN responses r ON r.id = mc.response_id",
                            "mc."};
const Source kResponseThemes{"response_themes r", "r."};

// Per theme: mention sentiment, mentioners' NPS, share of commenting respondents.
std::string theme_stats_view(bool honest, const Source& source) {
  const std::string& m = source.m;
  return "CREATE VIEW theme_stats AS\nWITH c AS (SELECT " + m + "theme, count(*) AS mentioners, " +
         kBandCounts + ", sum(" + m + "mentions) AS mentions, sum(" + m +
         "sentiment_sum) AS sentiment_sum, sum(" + m + "positive) AS positive, sum(" + m +
         "negative) AS negative, sum(" + m + "complaints) AS complaints, sum(" + m +
         "suggestions) AS suggestions, sum(" + m + "questions) AS questions, sum(" + m +
         "praise) AS praise, sum(r.churn_intent) AS churn FROM " + source.from + " GROUP BY " + m +
         "theme),\n"
         "total AS (SELECT count(*) AS comments FROM responses WHERE trim(text) <> ''),\n"
         "a AS (SELECT c.*, " +
         net_inputs("s", "pos", "neg", "n") + " FROM c),\nv AS (SELECT a.*, " + net_spread("s") +
         " FROM a)" + (honest ? ",\nw AS (SELECT v.*, " + net_bounds("s", "n") + " FROM v)" : "") +
         "\nSELECT v.theme, t.parent, CASE WHEN t.parent IS NULL THEN 'theme' ELSE 'subtheme' END "
         "AS level, t.label_en, t.label_it, mentioners AS respondents, round(100.0 * mentioners "
         "/ total.comments, 1) AS share_pct, mentions, round(sentiment_sum / mentions, 3) AS "
         "mean_sentiment, round(100.0 * positive / mentions, 1) AS positive_pct, round(100.0 * "
         "negative / mentions, 1) AS negative_pct, round(100.0 * (positive - negative) / "
         "mentions, 1) AS net_sentiment, complaints, suggestions, questions, praise, round(100.0 "
         "* churn / mentioners, 1) AS churn_intent_pct, n AS scored, pos AS promoters, neu AS "
         "passives, neg AS detractors, " +
         (honest ? honest_net_columns("s", "nps", "n") : net_columns("s", "nps", "n")) +
         ", n < 30 AS small_sample\n"
         "FROM " +
         (honest ? "w AS v" : "v") +
         " CROSS JOIN total LEFT JOIN themes t ON t.id = v.theme ORDER BY respondents DESC, "
         "v.theme;\n";
}

// The views with an NPS interval: nps_by_period, segment_nps, theme_stats (see nps_view for
// `honest`).
std::string score_views(bool honest) {
  std::string sql;
  sql += nps_view("nps_by_period",
                  "SELECT p.granularity, p.period, " + kBandCounts + kSignalCounts +
                      " FROM response_periods p JOIN responses r ON r.id = p.response_id "
                      "GROUP BY p.granularity, p.period",
                  "granularity, period", kSignalColumns, honest);
  sql += nps_view("segment_nps",
                  "SELECT s.name AS segment, s.value, " + kBandCounts + kSignalCounts +
                      " FROM segments s JOIN responses r ON r.id = s.response_id "
                      "GROUP BY s.name, s.value",
                  "segment, value", kSignalColumns, honest);

  sql += theme_stats_view(honest, kMentionCounts);
  return sql;
}

// Impact: NPS(all) - NPS(all but the mentioners), over scored respondents.
const std::string kImpactStages = "a AS (SELECT c.*, " + net_inputs("m", "pos", "neg", "n") + ", " +
                                  net_inputs("o", "all_pos - pos", "all_neg - neg", "all_n - n") +
                                  " FROM c),\nv AS (SELECT a.*, " + net_spread("m") + ", " +
                                  net_spread("o") + " FROM a)\n";

const Source kThemeRespondents{"theme_respondents tr JOIN responses r ON r.id = tr.response_id",
                               "tr."};

std::string theme_impact_view(const Source& source) {
  return "CREATE VIEW theme_impact AS\nWITH c AS (SELECT " + source.m + "theme, " + kBandCounts +
         ", (SELECT count(score) FROM responses) AS all_n, (SELECT count(*) FROM responses "
         "WHERE band = 'promoter') AS all_pos, (SELECT count(*) FROM responses WHERE band = "
         "'detractor') AS all_neg FROM " +
         source.from + " GROUP BY " + source.m + "theme),\n" + kImpactStages +
         "SELECT v.theme, t.parent, n AS mentioners, round(m_value, 1) AS nps_mentioners, all_n - "
         "n AS others, round(o_value, 1) AS nps_others, round(100.0 * (all_pos - all_neg) / "
         "all_n, 1) AS nps_all, " +
         impact_columns("n", "all_n - n") +
         ", n < 30 AS small_sample\nFROM v LEFT JOIN themes t ON t.id = v.theme WHERE n > 0 AND "
         "all_n - n > 0 ORDER BY impact, v.theme;\n";
}

// The mention counts with the response's periods, the period columns prefixed by `p`.
const Source kPeriodMentionCounts{
    "theme_mention_counts mc JOIN responses r ON r.id = mc.response_id JOIN response_periods p "
    "ON p.response_id = mc.response_id",
    "mc."};
// The same from response_themes: each dated row once per granularity, its period computed as
// response_periods does from the same day.
const Source kPeriodResponseThemes{
    "(SELECT rt.*, g.granularity, CASE g.granularity WHEN 'week' THEN date(rt.day, 'weekday 0', "
    "'-6 days') WHEN 'month' THEN substr(rt.day, 1, 7) ELSE substr(rt.day, 1, 4) || '-Q' || "
    "((CAST(substr(rt.day, 6, 2) AS INTEGER) + 2) / 3) END AS period FROM response_themes rt "
    "CROSS JOIN (SELECT 'week' AS granularity UNION ALL SELECT 'month' UNION ALL SELECT "
    "'quarter') g WHERE rt.day <> '') r",
    "r."};

std::string theme_by_period_view(const Source& source, const std::string& p) {
  const std::string& m = source.m;
  return "CREATE VIEW theme_by_period AS\nWITH tp AS (SELECT p.granularity, p.period, "
         "count(r.score) AS all_n, coalesce(sum(r.band = 'promoter'), 0) AS all_pos, "
         "coalesce(sum(r.band = 'detractor'), 0) AS all_neg, sum(trim(r.text) <> '') AS comments "
         "FROM response_periods p JOIN responses r ON r.id = p.response_id GROUP BY "
         "p.granularity, p.period),\ng AS (SELECT " +
         p + "granularity, " + p + "period, " + m + "theme, count(*) AS mentioners, " +
         kBandCounts + ", sum(" + m + "mentions) AS mentions, sum(" + m +
         "sentiment_sum) AS sentiment_sum, sum(" + m + "positive) AS positive, sum(" + m +
         "negative) AS negative FROM " + source.from + " GROUP BY " + p + "granularity, " + p +
         "period, " + m +
         "theme),\n"
         // Period totals joined after grouping: a join on an aggregate per row would be quadratic.
         "c AS (SELECT g.*, tp.all_n, tp.all_pos, tp.all_neg, tp.comments FROM g JOIN tp ON "
         "tp.granularity = g.granularity AND tp.period = g.period),\n" +
         kImpactStages +
         "SELECT granularity, period, theme, mentioners AS respondents, round(100.0 * mentioners "
         "/ comments, 1) AS share_pct, mentions, round(sentiment_sum / mentions, 3) AS "
         "mean_sentiment, round(100.0 * negative / mentions, 1) AS negative_pct, round(100.0 * "
         "(positive - negative) / mentions, 1) AS net_sentiment, n AS scored, round(m_value, 1) "
         "AS nps_mentioners, " +
         impact_columns("n", "all_n - n") +
         "\nFROM v ORDER BY granularity, period, respondents DESC, theme;\n";
}

std::string build() {
  std::string sql = R"sql(
-- Each dated response once per granularity: week (its Monday), month (YYYY-MM), quarter (YYYY-Qn).
CREATE VIEW response_periods AS
SELECT id AS response_id, 'week' AS granularity,
       date(response_date, 'weekday 0', '-6 days') AS period
FROM responses WHERE response_date IS NOT NULL
UNION ALL
SELECT id, 'month', substr(response_date, 1, 7) FROM responses WHERE response_date IS NOT NULL
UNION ALL
SELECT id, 'quarter',
       substr(response_date, 1, 4) || '-Q' || ((CAST(substr(response_date, 6, 2) AS INTEGER) + 2) / 3)
FROM responses WHERE response_date IS NOT NULL;

-- Who mentions a theme: a mention of a subtheme also counts for its parent theme.
CREATE VIEW theme_respondents AS
SELECT m.theme, m.response_id FROM mentions m
UNION
SELECT t.parent, m.response_id FROM mentions m JOIN themes t ON t.id = m.theme
WHERE t.parent IS NOT NULL;

-- Each mention under its theme and again under the parent theme of a subtheme.
CREATE VIEW theme_mentions AS
SELECT m.theme, m.id AS mention_id, m.response_id, m.sentiment, m.intent FROM mentions m
UNION ALL
SELECT t.parent, m.id, m.response_id, m.sentiment, m.intent
FROM mentions m JOIN themes t ON t.id = m.theme
WHERE t.parent IS NOT NULL;

-- Mention sentiment per theme and response group: positive >= 0.05, negative <= -0.05.
CREATE VIEW theme_mention_counts AS
SELECT tm.theme, tm.response_id, count(*) AS mentions, sum(tm.sentiment) AS sentiment_sum,
       sum(tm.sentiment >= 0.05) AS positive, sum(tm.sentiment <= -0.05) AS negative,
       sum(tm.intent = 'complaint') AS complaints, sum(tm.intent = 'suggestion') AS suggestions,
       sum(tm.intent = 'question') AS questions, sum(tm.intent = 'praise') AS praise
FROM theme_mentions tm
GROUP BY tm.theme, tm.response_id;
)sql";
  sql += score_views(false);

  sql += theme_impact_view(kThemeRespondents);
  sql += theme_by_period_view(kPeriodMentionCounts, "p.");

  sql += R"sql(
-- What each band talks about: per theme and band, respondents, mentions and their sentiment.
CREATE VIEW theme_by_band AS
SELECT mc.theme, r.band, count(*) AS respondents, sum(mc.mentions) AS mentions,
       round(sum(mc.sentiment_sum) / sum(mc.mentions), 3) AS mean_sentiment,
       round(100.0 * (sum(mc.positive) - sum(mc.negative)) / sum(mc.mentions), 1) AS net_sentiment
FROM theme_mention_counts mc
JOIN responses r ON r.id = mc.response_id
WHERE r.band IS NOT NULL
GROUP BY mc.theme, r.band
ORDER BY mc.theme, r.band;

-- Respondents per period (the id column, else each response is its own respondent), new ones
-- (first seen in that period) and returning ones, and comments per respondent. The first
-- period comes from a window, not a join on an aggregate, to stay linear.
CREATE VIEW respondents_by_period AS
WITH k AS (SELECT p.granularity, p.period, coalesce(r.respondent_id, 'response:' || r.id) AS who,
                  trim(r.text) <> '' AS commented
           FROM response_periods p JOIN responses r ON r.id = p.response_id),
f AS (SELECT k.*, min(period) OVER (PARTITION BY granularity, who) AS first_period FROM k)
SELECT granularity, period, count(DISTINCT who) AS respondents,
       count(DISTINCT CASE WHEN first_period = period THEN who END) AS new_respondents,
       count(DISTINCT CASE WHEN first_period < period THEN who END) AS returning_respondents,
       count(*) AS responses, sum(commented) AS comments,
       round(1.0 * sum(commented) / count(DISTINCT who), 2) AS comments_per_respondent
FROM f
GROUP BY granularity, period
ORDER BY granularity, period;
)sql";
  return sql;
}

// Respondents are the respondent column (responses.respondent_id). A response without one is
// a respondent of its own whose history is unknown: counted in `respondents` and
// `unidentified_respondents`, never as new or returning. respondents = new + returning +
// unidentified. The first period comes from a window, not a join on an aggregate (linear).
const char* const kRespondentViews = R"sql(
DROP VIEW respondents_by_period;
CREATE VIEW respondents_by_period AS
WITH k AS (SELECT p.granularity, p.period, r.respondent_id AS who, trim(r.text) <> '' AS commented
           FROM response_periods p JOIN responses r ON r.id = p.response_id),
f AS (SELECT k.*, min(period) OVER (PARTITION BY granularity, who) AS first_period FROM k)
SELECT granularity, period,
       count(DISTINCT who) + sum(who IS NULL) AS respondents,
       count(DISTINCT CASE WHEN first_period = period THEN who END) AS new_respondents,
       count(DISTINCT CASE WHEN first_period < period THEN who END) AS returning_respondents,
       sum(who IS NULL) AS unidentified_respondents,
       count(*) AS responses, sum(commented) AS comments,
       round(1.0 * sum(commented) / (count(DISTINCT who) + sum(who IS NULL)), 2)
         AS comments_per_respondent
FROM f
GROUP BY granularity, period
ORDER BY granularity, period;
)sql";

// Schema 11: the views that read mentions per theme and response, over the stored
// response_themes (store/response_themes.h) instead of a sort of every mention; the same
// columns and figures.
const char* const kResponseThemeViews = R"sql(
DROP VIEW theme_respondents;
CREATE VIEW theme_respondents AS
SELECT theme, response_id FROM response_themes;

DROP VIEW theme_mention_counts;
CREATE VIEW theme_mention_counts AS
SELECT theme, response_id, mentions, sentiment_sum, positive, negative, complaints, suggestions,
       questions, praise
FROM response_themes;

DROP VIEW theme_by_band;
CREATE VIEW theme_by_band AS
SELECT r.theme, r.band, count(*) AS respondents, sum(r.mentions) AS mentions,
       round(sum(r.sentiment_sum) / sum(r.mentions), 3) AS mean_sentiment,
       round(100.0 * (sum(r.positive) - sum(r.negative)) / sum(r.mentions), 1) AS net_sentiment
FROM response_themes r
WHERE r.band IS NOT NULL
GROUP BY r.theme, r.band
ORDER BY r.theme, r.band;

DROP VIEW theme_by_segment;
CREATE VIEW theme_by_segment AS
WITH totals AS (SELECT s.name, s.value, sum(trim(r.text) <> '') AS comments
                FROM segments s JOIN responses r ON r.id = s.response_id
                GROUP BY s.name, s.value),
g AS (SELECT mc.theme, s.name, s.value, count(*) AS respondents, sum(mc.mentions) AS mentions,
             sum(mc.positive) AS positive, sum(mc.negative) AS negative
      FROM response_themes mc JOIN segments s ON s.response_id = mc.response_id
      GROUP BY mc.theme, s.name, s.value)
SELECT g.theme, g.name AS segment, g.value, g.respondents,
       round(100.0 * g.respondents / nullif(t.comments, 0), 1) AS share_pct, g.mentions,
       round(100.0 * (g.positive - g.negative) / g.mentions, 1) AS net_sentiment
FROM g JOIN totals t ON t.name = g.name AND t.value = g.value
ORDER BY segment, g.value, g.respondents DESC, g.theme;

DROP VIEW theme_stats;
DROP VIEW theme_impact;
DROP VIEW theme_by_period;
)sql";
}  // namespace

const std::string& analytics_views_sql() {
  static const std::string sql = build();
  return sql;
}

const std::string& report_views_sql() {
  static const std::string sql =
      "DROP VIEW nps_by_period;\nDROP VIEW segment_nps;\nDROP VIEW theme_stats;\n" +
      score_views(true);
  return sql;
}

const std::string& respondent_views_sql() {
  static const std::string sql = kRespondentViews;
  return sql;
}

const std::string& response_theme_views_sql() {
  static const std::string sql = kResponseThemeViews + theme_stats_view(true, kResponseThemes) +
                                 theme_impact_view(kResponseThemes) +
                                 theme_by_period_view(kPeriodResponseThemes, "r.");
  return sql;
}

}  // namespace ascolto

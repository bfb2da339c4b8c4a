#include "store/schema.h"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "common/error.h"
#include "store/analytics_views.h"
#include "store/response_themes.h"

namespace ascolto {
namespace {

// The indexes of drop_deferred_indexes, name then definition, as the first migration has them
// but for mentions_theme, replaced in schema 11 by mentions_theme_sentiment.
constexpr std::array<std::string_view, 4> kDeferredIndexes = {
    "responses_date ON responses(response_date)", "segments_name_value ON segments(name, value)",
    "mentions_response ON mentions(response_id)",
    "mentions_theme_sentiment ON mentions(theme, sentiment, response_id)"};

// Migration N takes the schema from version N to N+1. Append, never edit.
const std::array<std::string, kSchemaVersion>& migrations() {
  static const std::array<std::string, kSchemaVersion> all = {R"sql(
CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
  tool_version  TEXT NOT NULL,
  inputs        TEXT NOT NULL,            -- JSON: [{path, format, encoding, hash}]
  lexicon_hash  TEXT NOT NULL,
  options       TEXT NOT NULL,            -- JSON of the options that affect results
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_new      INTEGER NOT NULL DEFAULT 0,
  rows_updated  INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE themes (
  id        TEXT PRIMARY KEY,
  parent    TEXT,
  label_en  TEXT NOT NULL,
  label_it  TEXT NOT NULL
);

CREATE TABLE responses (
  id            INTEGER PRIMARY KEY,
  source_key    TEXT NOT NULL UNIQUE,     -- 'id:<id column>' or 'row:<hash of the row>'
  content_hash  TEXT NOT NULL,            -- detects a changed row on re-import
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  source_file   TEXT NOT NULL,
  source_line   INTEGER NOT NULL,
  respondent_id TEXT,
  response_date TEXT,                     -- ISO 8601 'YYYY-MM-DD[ HH:MM:SS]'
  score         INTEGER CHECK (score BETWEEN 0 AND 10),
  band          TEXT CHECK (band IN ('promoter', 'passive', 'detractor')),
  lang          TEXT NOT NULL CHECK (lang IN ('it', 'en', 'und')),
  text          TEXT NOT NULL,
  sentences     INTEGER NOT NULL,
  sentiment     REAL NOT NULL,
  label         TEXT NOT NULL CHECK (label IN ('positive', 'negative', 'neutral', 'mixed'))
);
CREATE INDEX responses_date ON responses(response_date);

CREATE TABLE segments (
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY (response_id, name)
);
CREATE INDEX segments_name_value ON segments(name, value);

CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  theme       TEXT NOT NULL,              -- themes.id (kept even if a later taxonomy drops it)
  sentence    INTEGER NOT NULL,
  start       INTEGER NOT NULL,           -- code point offsets in responses.text, end exclusive
  "end"       INTEGER NOT NULL,
  text        TEXT NOT NULL,
  sentiment   REAL NOT NULL
);
CREATE INDEX mentions_response ON mentions(response_id);
CREATE INDEX mentions_theme ON mentions(theme);

CREATE TABLE rejects (
  id       INTEGER PRIMARY KEY,
  run_id   INTEGER NOT NULL REFERENCES runs(id),
  file     TEXT NOT NULL,
  line     INTEGER NOT NULL,
  col      INTEGER,
  severity TEXT NOT NULL CHECK (severity IN ('file', 'row', 'field')),  -- file: unreadable; row: not stored; field: stored, that field NULL
  reason   TEXT NOT NULL,
  raw      TEXT
);
CREATE INDEX rejects_run ON rejects(run_id);

-- Month of each scored response, with its band: the base of the NPS trend views.
CREATE VIEW response_months AS
SELECT r.id, substr(r.response_date, 1, 7) AS month, r.score, r.band, r.sentiment, r.lang
FROM responses r
WHERE r.response_date IS NOT NULL;

CREATE VIEW nps_by_month AS
SELECT month,
       count(score) AS respondents,
       sum(band = 'promoter') AS promoters,
       sum(band = 'passive') AS passives,
       sum(band = 'detractor') AS detractors,
       round(100.0 * (sum(band = 'promoter') - sum(band = 'detractor')) / count(score), 1) AS nps,
       round(avg(sentiment), 3) AS mean_sentiment
FROM response_months
WHERE score IS NOT NULL
GROUP BY month
ORDER BY month;

-- Each mention with its top-level theme, the response's month and band.
CREATE VIEW mention_facts AS
SELECT m.id AS mention_id, m.response_id, m.theme,
       coalesce(t.parent, m.theme) AS top_theme,
       substr(r.response_date, 1, 7) AS month, r.band, r.score, m.sentiment
FROM mentions m
JOIN responses r ON r.id = m.response_id
LEFT JOIN themes t ON t.id = m.theme;

CREATE VIEW theme_by_month AS
SELECT month, theme,
       count(*) AS mentions,
       count(DISTINCT response_id) AS respondents,
       round(avg(sentiment), 3) AS mean_sentiment,
       round(100.0 * sum(sentiment <= -0.05) / count(*), 1) AS negative_pct,
       sum(band = 'detractor') AS detractor_mentions
FROM mention_facts
WHERE month IS NOT NULL
GROUP BY month, theme
ORDER BY month, mentions DESC;

CREATE VIEW theme_summary AS
SELECT f.top_theme AS theme,
       count(*) AS mentions,
       count(DISTINCT f.response_id) AS respondents,
       round(avg(f.sentiment), 3) AS mean_sentiment,
       round(100.0 * sum(f.sentiment <= -0.05) / count(*), 1) AS negative_pct,
       round(100.0 * sum(f.sentiment >= 0.05) / count(*), 1) AS positive_pct
FROM mention_facts f
GROUP BY f.top_theme
ORDER BY respondents DESC;
)sql",
                                                              R"sql(
-- Defection and effort signals per response, and the intent of each mention's sentence.
ALTER TABLE responses ADD COLUMN churn_intent INTEGER NOT NULL DEFAULT 0
  CHECK (churn_intent IN (0, 1));
ALTER TABLE responses ADD COLUMN repeat_contact INTEGER NOT NULL DEFAULT 0
  CHECK (repeat_contact IN (0, 1));
ALTER TABLE responses ADD COLUMN recommendation TEXT
  CHECK (recommendation IN ('recommends', 'refuses'));
ALTER TABLE mentions ADD COLUMN intent TEXT NOT NULL DEFAULT 'neutral'
  CHECK (intent IN ('neutral', 'praise', 'complaint', 'suggestion', 'question'));
)sql",
                                                              R"sql(
-- Personal data redacted per kind in a run (issue 7), JSON: {"email": 2, "phone": 1, ...};
-- NULL when the run kept personal data (--keep-pii).
ALTER TABLE runs ADD COLUMN pii_redactions TEXT;
)sql",
                                                              analytics_views_sql(),
                                                              R"sql(
-- The id column is the response's (its re-import key) and moves to source_id; respondent_id is
-- now the person (--respondent-col), unknown for the rows stored so far.
ALTER TABLE responses ADD COLUMN source_id TEXT;
UPDATE responses SET source_id = respondent_id, respondent_id = NULL;
)sql" + respondent_views_sql(),
                                                              R"sql(
-- The process that runs an import, so the next run on the same machine can tell a run killed
-- outright (SIGKILL, power loss) from one still going, and mark it interrupted (schema v6).
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
)sql",
                                                              report_views_sql(),
                                                              R"sql(
-- The hash of the row as read (all its fields), apart from the analysis: a row from another file
-- with a stored id and different content is a clash (ids restarting in each export), refused
-- instead of replacing the stored response; NULL for rows stored before (schema v8).
ALTER TABLE responses ADD COLUMN input_hash TEXT;
)sql",
                                                              R"sql(
-- Segment value x month NPS, for the store x month table and heatmap (schema v9). small_sample
-- is 1 under 30 scored responses, the report's default --min-n (kDefaultMinN): flagged, never
-- hidden. nps is NULL for a group without a scored response.
CREATE VIEW segment_nps_by_period AS
SELECT s.name AS segment, s.value, p.period,
       count(r.score) AS respondents,
       coalesce(sum(r.band = 'promoter'), 0) AS promoters,
       coalesce(sum(r.band = 'passive'), 0) AS passives,
       coalesce(sum(r.band = 'detractor'), 0) AS detractors,
       CASE WHEN count(r.score) > 0 THEN round(100.0 * (coalesce(sum(r.band = 'promoter'), 0) -
         coalesce(sum(r.band = 'detractor'), 0)) / count(r.score), 1) END AS nps,
       count(r.score) < 30 AS small_sample
FROM segments s
JOIN responses r ON r.id = s.response_id
JOIN response_periods p ON p.response_id = r.id AND p.granularity = 'month'
GROUP BY s.name, s.value, p.period
ORDER BY segment, s.value, p.period;

-- Themes x segment value, for the themes x segment heatmap (schema v9): respondents mentioning
-- the theme (a subtheme counts for its parent), their share of the segment value's responses
-- with a comment, and the net sentiment of the mentions (% positive - % negative, as
-- theme_stats). Totals joined after grouping, to stay linear.
CREATE VIEW theme_by_segment AS
WITH totals AS (SELECT s.name, s.value, sum(trim(r.text) <> '') AS comments
                FROM segments s JOIN responses r ON r.id = s.response_id
                GROUP BY s.name, s.value),
g AS (SELECT mc.theme, s.name, s.value, count(*) AS respondents, sum(mc.mentions) AS mentions,
             sum(mc.positive) AS positive, sum(mc.negative) AS negative
      FROM theme_mention_counts mc JOIN segments s ON s.response_id = mc.response_id
      GROUP BY mc.theme, s.name, s.value)
SELECT g.theme, g.name AS segment, g.value, g.respondents,
       round(100.0 * g.respondents / nullif(t.comments, 0), 1) AS share_pct, g.mentions,
       round(100.0 * (g.positive - g.negative) / g.mentions, 1) AS net_sentiment
FROM g JOIN totals t ON t.name = g.name AND t.value = g.value
ORDER BY segment, g.value, g.respondents DESC, g.theme;
)sql",
                                                              R"sql(
-- Settings of this database (schema v10): 'pseudonym_key', the key of the pseudonyms that
-- replace personal data in ids (64 hex digits, made on first use; see privacy/pseudonym.h).
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql",
                                                              response_themes_migration_sql(),
                                                              R"sql(
-- The shard a run was merged from by `ascolto merge` (its path as given), NULL for a run made in
-- this database (schema v12). The run keeps its own id-less identity: started_at, host, pid.
ALTER TABLE runs ADD COLUMN merged_from TEXT;
)sql"};
  return all;
}

}  // namespace

int schema_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

void configure_writer(SQLite::Database& db) {
  // Only a file with no tables yet takes it: 16 KiB pages insert ~15% faster than the default
  // 4 KiB here (bench/floor), and the report's scans read fewer pages.
  db.exec("PRAGMA page_size = 16384");
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  // Each CHECK (x IN (...)) builds a temporary index per inserted row (60% of the store's time
  // in a profile); every value the importer stores comes from an enum or a validated parse, and
  // the CHECKs stay in force for every other connection. Foreign keys likewise: the importer
  // adds segments and mentions only under the response it has just written, and deletes them
  // itself before it replaces a response, so it leaves them off (a parent lookup per child row).
  db.exec("PRAGMA ignore_check_constraints = ON");
}

void drop_deferred_indexes(SQLite::Database& db) {
  for (const std::string_view index : kDeferredIndexes)
    db.exec("DROP INDEX IF EXISTS " + std::string(index.substr(0, index.find(' '))));
}

void create_deferred_indexes(SQLite::Database& db) {
  for (const std::string_view index : kDeferredIndexes)
    db.exec("CREATE INDEX IF NOT EXISTS " + std::string(index));
}

void migrate(SQLite::Database& db, int version) {
  const int current = schema_version(db);
  if (current > kSchemaVersion) {
    throw StoreError("database schema version " + std::to_string(current) +
                     " is newer than this ascolto supports (" + std::to_string(kSchemaVersion) +
                     "); upgrade ascolto");
  }
  for (int v = current; v < std::min(version, kSchemaVersion); ++v) {
    SQLite::Transaction tx(db);
    db.exec(migrations()[static_cast<std::size_t>(v)]);
    db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    tx.commit();
  }
}

}  // namespace ascolto

#include "store/response_themes.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>

#include "store/analytics_views.h"
#include "store/theme_rows.h"

namespace ascolto {
namespace {

// Ordered by theme, then day: the report's per-theme sums read it in key order without a sort,
// and a theme's rows of one period are contiguous. `day` is '' for an undated response (a
// primary key column cannot be NULL).
std::string table_sql(const std::string& name) {
  return "CREATE TABLE " + name +
         " (\n"
         "  theme         TEXT NOT NULL,\n"
         "  day           TEXT NOT NULL,      -- substr(response_date, 1, 10); '' when undated\n"
         "  response_id   INTEGER NOT NULL,\n"
         "  score         INTEGER,\n"
         "  band          TEXT,\n"
         "  churn_intent  INTEGER NOT NULL,\n"
         "  mentions      INTEGER NOT NULL,\n"
         "  sentiment_sum REAL NOT NULL,\n"
         "  positive      INTEGER NOT NULL,   -- mentions with sentiment >= 0.05\n"
         "  negative      INTEGER NOT NULL,   -- mentions with sentiment <= -0.05\n"
         "  complaints    INTEGER NOT NULL,\n"
         "  suggestions   INTEGER NOT NULL,\n"
         "  questions     INTEGER NOT NULL,\n"
         "  praise        INTEGER NOT NULL,\n"
         "  PRIMARY KEY (theme, day, response_id)\n"
         ") WITHOUT ROWID;\n";
}

// The rows of the mentions that `filter` keeps (a condition on `m`, "1" for all), grouped in
// the table's key order so that the insert appends. The same sums as theme_mention_counts.
std::string rows_sql(const std::string& filter) {
  return "SELECT tm.theme, coalesce(substr(r.response_date, 1, 10), '') AS day, tm.response_id, "
         "r.score, r.band, r.churn_intent, count(*), sum(tm.sentiment), sum(tm.sentiment >= 0.05), "
         "sum(tm.sentiment <= -0.05), sum(tm.intent = 'complaint'), sum(tm.intent = "
         "'suggestion'), sum(tm.intent = 'question'), sum(tm.intent = 'praise')\n"
         "FROM (SELECT m.theme, m.response_id, m.sentiment, m.intent FROM mentions m WHERE " +
         filter +
         "\n      UNION ALL\n"
         "      SELECT t.parent, m.response_id, m.sentiment, m.intent FROM mentions m JOIN themes "
         "t ON t.id = m.theme WHERE t.parent IS NOT NULL AND " +
         filter +
         ") tm\n"
         "JOIN responses r ON r.id = tm.response_id\n"
         "GROUP BY tm.theme, day, tm.response_id";
}

constexpr const char* kBands[] = {"promoter", "passive", "detractor"};

// Per theme and day, the sums of response_themes the report reads when no segment filter
// applies: a few rows per theme and day instead of one per respondent. Additive over days.
std::string days_table_sql(const std::string& name) {
  std::string sql = "CREATE TABLE " + name +
                    " (\n  theme TEXT NOT NULL,\n  day TEXT NOT NULL,\n  respondents INTEGER NOT "
                    "NULL,\n  scored INTEGER NOT NULL,\n  promoters INTEGER NOT NULL,\n  passives "
                    "INTEGER NOT NULL,\n  detractors INTEGER NOT NULL,\n  churn INTEGER NOT NULL,\n"
                    "  mentions INTEGER NOT NULL,\n  sentiment_sum REAL NOT NULL,\n  positive "
                    "INTEGER NOT NULL,\n  negative INTEGER NOT NULL,\n  complaints INTEGER NOT "
                    "NULL,\n  suggestions INTEGER NOT NULL,\n  questions INTEGER NOT NULL,\n  "
                    "praise INTEGER NOT NULL,\n";
  for (const char* band : kBands) {
    const std::string b = band;
    sql += "  " + b + "_mentions INTEGER,\n  " + b + "_sentiment_sum REAL,\n  " + b +
           "_positive INTEGER,\n  " + b + "_negative INTEGER,\n";
  }
  return sql + "  PRIMARY KEY (theme, day)\n) WITHOUT ROWID;\n";
}

// The rows of theme_days from the response_themes table `source`, read in its key order;
// `where` keeps some of its rows.
std::string days_rows_sql(const std::string& source, const std::string& where = "") {
  std::string sql =
      "SELECT theme, day, count(*), count(score), coalesce(sum(band = 'promoter'), 0), "
      "coalesce(sum(band = 'passive'), 0), coalesce(sum(band = 'detractor'), 0), "
      "sum(churn_intent), sum(mentions), sum(sentiment_sum), sum(positive), sum(negative), "
      "sum(complaints), sum(suggestions), sum(questions), sum(praise)";
  for (const char* band : kBands) {
    const std::string when = std::string("CASE WHEN band = '") + band + "' THEN ";
    sql += ", sum(" + when + "mentions END), sum(" + when + "sentiment_sum END), sum(" + when +
           "positive END), sum(" + when + "negative END)";
  }
  return sql + " FROM " + source + (where.empty() ? "" : " WHERE " + where) +
         " GROUP BY theme, day";
}

// Which themes roll up into which: a change re-computes the whole table.
const std::string kTaxonomy =
    "(SELECT coalesce(group_concat(id || '>' || coalesce(parent, ''), ','), '') FROM (SELECT id, "
    "parent FROM themes ORDER BY id))";

// The refresh marks: rows of runs up to `response_themes_run` are in, under the taxonomy
// `response_themes_taxonomy`.
const std::string kMark =
    "INSERT OR REPLACE INTO settings (name, value) VALUES ('response_themes_run', (SELECT "
    "coalesce(max(id), 0) FROM runs)), ('response_themes_taxonomy', " +
    kTaxonomy + ");\n";

const std::string kChanged = "m.response_id IN (SELECT id FROM responses WHERE run_id > :mark)";

}  // namespace

std::string response_themes_migration_sql() {
  return "-- One row per response and theme it mentions (a subtheme's mentions also under its "
         "parent),\n-- with the response's day, score, band and churn flag (schema v11).\n" +
         table_sql("response_themes") + "INSERT INTO response_themes " + rows_sql("1") + ";\n" +
         "-- Its sums per theme and day.\n" + days_table_sql("theme_days") +
         "INSERT INTO theme_days " + days_rows_sql("response_themes") + ";\n" + kMark +
         "-- A theme's mentions in order of sentiment: the report's strongest comments without a "
         "sort.\nDROP INDEX IF EXISTS mentions_theme;\nCREATE INDEX IF NOT EXISTS "
         "mentions_theme_sentiment ON mentions(theme, sentiment, response_id);\n" +
         response_theme_views_sql();
}

std::string response_themes_taxonomy(SQLite::Database& db) {
  return db.execAndGet("SELECT " + kTaxonomy).getString();
}

bool response_themes_current(SQLite::Database& db) {
  SQLite::Statement st(db,
                       "SELECT (SELECT CAST(value AS INTEGER) FROM settings WHERE name = "
                       "'response_themes_run') >= (SELECT coalesce(max(id), 0) FROM runs) AND "
                       "(SELECT value FROM settings WHERE name = 'response_themes_taxonomy') = " +
                           kTaxonomy);
  st.executeStep();
  return !st.getColumn(0).isNull() && st.getColumn(0).getInt() == 1;
}

namespace {

struct RefreshState {
  bool same_taxonomy;  // the table's rows roll up by the taxonomy in use
  std::int64_t mark;   // the last run whose rows are in
  bool empty;
};

RefreshState refresh_state(SQLite::Database& db) {
  SQLite::Statement state(db,
                          "SELECT (SELECT value FROM settings WHERE name = "
                          "'response_themes_taxonomy') IS " +
                              kTaxonomy +
                              ", (SELECT coalesce(CAST(value AS INTEGER), 0) FROM settings WHERE "
                              "name = 'response_themes_run'), EXISTS (SELECT 1 FROM "
                              "main.response_themes)");
  state.executeStep();
  return {state.getColumn(0).getInt() == 1, state.getColumn(1).getInt64(),
          state.getColumn(2).getInt() == 0};
}

// The refresh by query, inside the caller's transaction: everything, or the rows of the runs
// after the mark.
void refresh_by_query(SQLite::Database& db, const RefreshState& state) {
  if (!state.same_taxonomy || state.empty) {
    db.exec("DELETE FROM main.response_themes");
    db.exec("INSERT INTO main.response_themes " + rows_sql("1"));
  } else {
    // The rows of the responses a run since the mark added or replaced: their old rows go,
    // their mentions as stored now come in.
    SQLite::Statement drop(db,
                           "DELETE FROM main.response_themes WHERE response_id IN (SELECT id FROM "
                           "responses WHERE run_id > :mark)");
    drop.bind(":mark", state.mark);
    drop.exec();
    SQLite::Statement add(db, "INSERT INTO main.response_themes " + rows_sql(kChanged));
    add.bind(":mark", state.mark);
    add.exec();
  }
  db.exec("DELETE FROM main.theme_days");
  db.exec("INSERT INTO main.theme_days " + days_rows_sql("main.response_themes"));
}

// The writer's rows of `run` in, inside the caller's transaction; false (nothing done) unless
// they are all the table misses: it holds the rows of every other run (none ran since the
// mark), under the taxonomy the writer rolled up by.
bool refresh_from_writer(SQLite::Database& db, const RefreshState& state, ThemeRows& written,
                         std::int64_t run) {
  // An empty table holds no rows of another taxonomy (a new database's mark names the empty
  // one); its mark must not be past another run, checked below.
  if (!written.active() || written.unusable() || !(state.same_taxonomy || state.empty) ||
      state.mark >= run || written.taxonomy_key() != response_themes_taxonomy(db)) {
    return false;
  }
  SQLite::Statement others(db, "SELECT EXISTS (SELECT 1 FROM runs WHERE id > ? AND id != ?)");
  others.bind(1, state.mark);
  others.bind(2, run);
  others.executeStep();
  // An empty table after earlier runs: rows written by hand, never refreshed; the query's.
  if (others.getColumn(0).getInt() == 1 || (state.empty && state.mark > 0)) return false;
  others.reset();
  std::vector<std::pair<std::string, std::string>> days;
  if (written.replaced_any() && !state.empty) {
    // This run's replaced responses: their old rows go, and their days are summed again.
    SQLite::Statement drop(db,
                           "DELETE FROM main.response_themes WHERE response_id IN (SELECT id FROM "
                           "responses WHERE run_id = ?) RETURNING theme, day");
    drop.bind(1, run);
    while (drop.executeStep())
      days.emplace_back(drop.getColumn(0).getString(), drop.getColumn(1).getString());
  }
  const auto added = written.write_rows(db);
  if (state.empty) {
    db.exec("DELETE FROM main.theme_days");
    if (written.replaced_any()) {
      db.exec("INSERT INTO main.theme_days " + days_rows_sql("main.response_themes"));
    } else {
      written.write_days(db);  // the sums kept as the batches committed
    }
    return true;
  }
  days.insert(days.end(), added.begin(), added.end());
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  SQLite::Statement drop_day(db, "DELETE FROM main.theme_days WHERE theme = ? AND day = ?");
  SQLite::Statement add_day(db,
                            "INSERT INTO main.theme_days " +
                                days_rows_sql("main.response_themes", "theme = ?1 AND day = ?2"));
  for (const auto& [theme, day] : days) {
    for (SQLite::Statement* st : {&drop_day, &add_day}) {
      st->bind(1, theme);
      st->bind(2, day);
      st->exec();
      st->reset();
    }
  }
  return true;
}

}  // namespace

void refresh_response_themes(SQLite::Database& db) {
  SQLite::Transaction tx(db);
  if (response_themes_current(db)) return;
  refresh_by_query(db, refresh_state(db));
  db.exec(kMark);
  tx.commit();
}

bool refresh_response_themes(SQLite::Database& db, ThemeRows& written, std::int64_t run) {
  SQLite::Transaction tx(db);
  bool appended = false;
  if (!response_themes_current(db)) {
    const RefreshState state = refresh_state(db);
    appended = refresh_from_writer(db, state, written, run);
    if (!appended) refresh_by_query(db, state);
    db.exec(kMark);
  }
  tx.commit();
  written.clear();
  return appended;
}

void shadow_response_themes(SQLite::Database& db) {
  // Emptied rather than dropped: a DROP fails while another statement of the connection runs.
  if (!has_shadow_response_themes(db)) {
    db.exec(table_sql("temp.response_themes"));
    db.exec(days_table_sql("temp.theme_days"));
  }
  db.exec("DELETE FROM temp.response_themes");
  db.exec("INSERT INTO temp.response_themes " + rows_sql("1"));
  db.exec("DELETE FROM temp.theme_days");
  db.exec("INSERT INTO temp.theme_days " + days_rows_sql("temp.response_themes"));
}

bool has_shadow_response_themes(SQLite::Database& db) {
  return db.execAndGet(
               "SELECT EXISTS (SELECT 1 FROM temp.sqlite_master WHERE name = "
               "'response_themes')")
             .getInt() == 1;
}

}  // namespace ascolto

// The stored response × theme table (schema v11): one row per response and theme it mentions,
// a subtheme's mentions counted again under its parent theme, with the response's day, score,
// band and churn flag and the mention counts (sentiment sum, positive, negative, intents). It is
// the view theme_mention_counts joined with `responses`, written once when an import finishes
// instead of computed by every query (a sort of every mention: ~50 s on a million responses).
// The theme views and `ascolto report` read it. It is derived data: the store refreshes it
// (only the rows of the runs since the last refresh; all of it when the taxonomy's parents
// changed), and a reader that finds it behind (an import interrupted or still running) computes
// the same rows into a temporary table that shadows it. Mentions written by hand, outside a run,
// need a refresh_response_themes call (tests do so). The writer makes its run's rows itself
// (store/theme_rows.h) and hands them to the refresh, which appends them when it can.
//
//   refresh_response_themes(db);                 // the writer, at the end of a run
//   if (!response_themes_current(db)) shadow_response_themes(db);   // a reader
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace ascolto {

class ThemeRows;

// Migration 10 -> 11: the table, its contents and refresh marks, the theme views over it.
std::string response_themes_migration_sql();

// Brings the table up to date in one transaction; a no-op when it is current.
void refresh_response_themes(SQLite::Database& db);
// The same at the end of the writer's `run`, with the rows the writer made (store/theme_rows.h):
// appended in key order, without the query's sort, when they are all the table misses (no
// other run since the last refresh, the same taxonomy); else as above. Empties `written`.
// Returns true when the writer's rows were appended.
bool refresh_response_themes(SQLite::Database& db, ThemeRows& written, std::int64_t run);

// The taxonomy as the table's refresh mark names it (ids and parents): rows made under one key
// stay valid while the key is the same.
std::string response_themes_taxonomy(SQLite::Database& db);

// True when the table holds every stored run's rows under the current taxonomy.
bool response_themes_current(SQLite::Database& db);

// Fills temp.response_themes with the rows the table should hold (unqualified names in this
// connection's own queries then resolve to it; the views keep reading the stored table): for a
// read-only reader of a table that is behind. Once made, the shadow stays for the connection's
// life: a reader that has one refills it rather than read the stored table through it.
void shadow_response_themes(SQLite::Database& db);
bool has_shadow_response_themes(SQLite::Database& db);

}  // namespace ascolto

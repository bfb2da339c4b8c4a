// The SQL of schema migration 3: the analytics views (NPS by period and segment, theme
// statistics, drivers and impact, respondents by period). Plain SQLite: a square root by
// Newton's method instead of the optional math functions, so any client can read them. The
// formulas are those of nps/statistics.h, in the same order of operations, so the views and
// `ascolto report` agree to the last printed digit (docs/statistics.md). Migration 4 replaces
// `respondents_by_period` (respondent_views_sql) now that respondents come from their own column.
// Migration 7 (report_views_sql) recreates the views with an NPS interval so that the interval
// holds its point and the margin is NULL where the interval is asymmetric. Migration 10
// (response_theme_views_sql) recreates the views that read mentions per theme and response
// over the stored table response_themes (store/response_themes.h), with the same figures.
//
//   db.exec(analytics_views_sql());   // inside the migration's transaction
#pragma once

#include <string>

namespace ascolto {

const std::string& analytics_views_sql();
const std::string& respondent_views_sql();
const std::string& report_views_sql();
const std::string& response_theme_views_sql();

}  // namespace ascolto

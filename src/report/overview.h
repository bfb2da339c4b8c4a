// The overall report read back from the database: NPS with its bands, responses by language,
// top themes with volume and mean sentiment, and the last run's counts. Queries only the views
// and tables any SQL client sees, so the report and ad-hoc SQL always agree.
//
//   Overview o = load_overview(db, 10);
//   print_overview(o, std::cout);
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ascolto {

struct ThemeLine {
  std::string theme, label;
  std::int64_t mentions = 0, respondents = 0;
  double mean_sentiment = 0, negative_pct = 0;
};

struct Overview {
  std::int64_t responses = 0, scored = 0;
  std::int64_t promoters = 0, passives = 0, detractors = 0;
  std::optional<double> nps;  // none without scored responses
  std::vector<std::pair<std::string, std::int64_t>> by_language;
  std::vector<std::pair<std::string, std::int64_t>> by_label;
  std::vector<ThemeLine> top_themes;
  double uncovered_pct = 0;  // comments with no theme
};

Overview load_overview(SQLite::Database& db, int top);
void print_overview(const Overview& o, std::ostream& out);

}  // namespace ascolto

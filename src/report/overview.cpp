#include "report/overview.h"

#include <SQLiteCpp/Statement.h>

#include <cstdio>
#include <iomanip>

namespace ascolto {
namespace {

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.*f", decimals, v);
  return buf;
}

}  // namespace

Overview load_overview(SQLite::Database& db, int top) {
  Overview o;
  {
    SQLite::Statement st(db,
                         "SELECT count(*), count(score), coalesce(sum(band = 'promoter'), 0), "
                         "coalesce(sum(band = 'passive'), 0), coalesce(sum(band = 'detractor'), 0) "
                         "FROM responses");
    st.executeStep();
    o.responses = st.getColumn(0).getInt64();
    o.scored = st.getColumn(1).getInt64();
    o.promoters = st.getColumn(2).getInt64();
    o.passives = st.getColumn(3).getInt64();
    o.detractors = st.getColumn(4).getInt64();
    if (o.scored > 0) {
      o.nps =
          100.0 * static_cast<double>(o.promoters - o.detractors) / static_cast<double>(o.scored);
    }
  }
  for (const auto& [sql, target] :
       {std::pair<const char*, std::vector<std::pair<std::string, std::int64_t>>*>{
            "SELECT lang, count(*) FROM responses GROUP BY lang ORDER BY count(*) DESC",
            &o.by_language},
        {"SELECT label, count(*) FROM responses GROUP BY label ORDER BY count(*) DESC",
         &o.by_label}}) {
    SQLite::Statement st(db, sql);
    while (st.executeStep())
      target->emplace_back(st.getColumn(0).getString(), st.getColumn(1).getInt64());
  }
  SQLite::Statement themes(db,
                           "SELECT s.theme, coalesce(t.label_en, s.theme), s.mentions, "
                           "s.respondents, s.mean_sentiment, s.negative_pct FROM theme_summary s "
                           "LEFT JOIN themes t ON t.id = s.theme LIMIT ?");
  themes.bind(1, top);
  while (themes.executeStep()) {
    o.top_themes.push_back({themes.getColumn(0).getString(), themes.getColumn(1).getString(),
                            themes.getColumn(2).getInt64(), themes.getColumn(3).getInt64(),
                            themes.getColumn(4).getDouble(), themes.getColumn(5).getDouble()});
  }
  const std::int64_t covered =
      db.execAndGet("SELECT count(DISTINCT response_id) FROM mentions").getInt64();
  const std::int64_t commented =
      db.execAndGet("SELECT count(*) FROM responses WHERE trim(text) <> ''").getInt64();
  if (commented > 0) {
    o.uncovered_pct =
        100.0 * static_cast<double>(commented - covered) / static_cast<double>(commented);
  }
  return o;
}

void print_overview(const Overview& o, std::ostream& out) {
  out << "Responses: " << o.responses << " (" << o.scored << " with an NPS score)\n";
  if (o.nps) {
    out << "NPS: " << fixed(*o.nps, 1) << "   promoters " << o.promoters << ", passives "
        << o.passives << ", detractors " << o.detractors << "\n";
  } else {
    out << "NPS: n/a (no scored responses)\n";
  }
  out << "By language:";
  for (const auto& [lang, n] : o.by_language) out << "  " << lang << " " << n;
  out << "\nBy sentiment:";
  for (const auto& [label, n] : o.by_label) out << "  " << label << " " << n;
  out << "\nComments with no theme: " << std::fixed << std::setprecision(1) << o.uncovered_pct
      << "%\n\nTop themes\n";
  out << "  " << std::left << std::setw(28) << "theme" << std::right << std::setw(10) << "mentions"
      << std::setw(13) << "respondents" << std::setw(11) << "sentiment" << std::setw(11)
      << "negative"
      << "\n";
  for (const ThemeLine& t : o.top_themes) {
    out << "  " << std::left << std::setw(28) << t.label << std::right << std::setw(10)
        << t.mentions << std::setw(13) << t.respondents << std::setw(11)
        << fixed(t.mean_sentiment, 2) << std::setw(10) << std::setprecision(0) << t.negative_pct
        << "%" << std::setprecision(1) << "\n";
  }
}

}  // namespace ascolto

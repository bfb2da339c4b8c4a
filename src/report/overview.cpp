#include "report/overview.h"

#include <algorithm>
#include <map>

#include "report/number_format.h"
#include "report/scope.h"
#include "report/text_table.h"

namespace ascolto {

Overview load_overview(SQLite::Database& db, const NpsReport& r) {
  Overview o;
  o.responses = r.overall.responses;
  o.scored = r.overall.bands.n();
  o.promoters = r.overall.bands.positive;
  o.passives = r.overall.bands.neutral;
  o.detractors = r.overall.bands.negative;
  if (r.overall.nps) o.nps = r.overall.nps->value;
  // Languages and labels from one pass, each most frequent first (ties by name).
  std::map<std::string, std::int64_t> languages, labels;
  ScopedQuery st(db, "SELECT lang, label, count(*) FROM scope GROUP BY lang, label", r.options);
  while (st->executeStep()) {
    languages[st->getColumn(0).getString()] += st->getColumn(2).getInt64();
    labels[st->getColumn(1).getString()] += st->getColumn(2).getInt64();
  }
  for (const auto& [counts, target] :
       {std::pair{&languages, &o.by_language}, {&labels, &o.by_label}}) {
    target->assign(counts->begin(), counts->end());
    std::stable_sort(target->begin(), target->end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  ScopedQuery cover(db,
                    "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM mentions m WHERE "
                    "m.response_id = s.id)), 0) FROM scope s WHERE trim(s.text) <> ''",
                    r.options);
  cover->executeStep();
  const std::int64_t commented = cover->getColumn(0).getInt64();
  const std::int64_t covered = cover->getColumn(1).getInt64();
  if (commented > 0) {
    o.uncovered_pct =
        100.0 * static_cast<double>(commented - covered) / static_cast<double>(commented);
  }
  for (const ThemeDriver& t : r.themes) {
    if (t.parent.empty()) o.top_themes.push_back(&t);
  }
  std::stable_sort(o.top_themes.begin(), o.top_themes.end(), [](const auto* a, const auto* b) {
    return a->respondents != b->respondents ? a->respondents > b->respondents : a->theme < b->theme;
  });
  if (o.top_themes.size() > static_cast<std::size_t>(std::max(r.options.top, 0))) {
    o.top_themes.resize(static_cast<std::size_t>(r.options.top));
  }
  return o;
}

void print_overview(const Overview& o, const UiLabels& l, std::ostream& out) {
  out << l.responses << ": " << o.responses << " (" << o.scored << " " << l.with_score << ")\n";
  out << l.nps << ": " << (o.nps ? signed_fixed(*o.nps, 1) : l.no_data) << "   " << l.promoters
      << " " << o.promoters << ", " << l.passives << " " << o.passives << ", " << l.detractors
      << " " << o.detractors << "\n";
  out << l.by_language << ":";
  for (const auto& [lang, n] : o.by_language) out << "  " << terminal_safe(lang) << " " << n;
  out << "\n" << l.by_sentiment << ":";
  for (const auto& [label, n] : o.by_label) out << "  " << terminal_safe(label) << " " << n;
  out << "\n" << l.no_theme << ": " << fixed(o.uncovered_pct, 1) << "%\n\n" << l.top_themes << "\n";
  TextTable t({l.theme, l.mentions, l.respondents, l.sentiment, l.negative + " %"});
  for (const ThemeDriver* d : o.top_themes) {
    t.add({theme_label(l, d->label_en, d->label_it), std::to_string(d->mentions),
           std::to_string(d->respondents), signed_fixed(d->mean_sentiment, 2),
           fixed(d->negative_pct, 0)});
  }
  t.print(out);
}

}  // namespace ascolto

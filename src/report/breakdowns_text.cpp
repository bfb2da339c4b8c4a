#include "report/breakdowns_text.h"

#include "report/number_format.h"
#include "report/text_table.h"

namespace ascolto {

void print_breakdowns(const NpsReport& r, const Breakdowns& b, const UiLabels& l,
                      std::ostream& out) {
  if (b.values.empty()) return;
  const std::string segment = terminal_safe(r.options.segment);
  std::vector<std::string> header{period_name(l, r.options.by)};
  header.insert(header.end(), b.values.begin(), b.values.end());
  TextTable grid(header);
  for (const GroupNps& p : r.periods) {
    std::vector<std::string> row{p.key};
    for (const std::string& v : b.values) {
      const SegmentPeriod* c = find_cell(b, v, p.key);
      row.push_back(!c       ? "-"
                    : c->nps ? signed_fixed(c->nps->value, 1) + (c->nps->small ? "*" : "") + " (" +
                                   std::to_string(c->bands.n()) + ")"
                             : "- (0)");
    }
    grid.add(std::move(row));
  }
  out << "\n" << l.nps << ": " << segment << " × " << period_name(l, r.options.by) << " (n)\n";
  grid.print(out);
  if (b.theme_segments.empty()) return;
  header[0] = l.theme;
  TextTable themes(header);
  for (const ThemeTrend& t : b.trends) {
    std::vector<std::string> row{theme_label(l, t.theme->label_en, t.theme->label_it)};
    for (const std::string& v : b.values) {
      const ThemeSegment* c = find_cell(b, *t.theme, v);
      row.push_back(c && c->net_sentiment
                        ? signed_fixed(*c->net_sentiment, 1) + (c->small ? "*" : "") + " (" +
                              fixed(c->share_pct, 1) + "%)"
                        : "-");
    }
    themes.add(std::move(row));
  }
  out << "\n"
      << l.theme << " × " << segment << ": " << l.net_sentiment << " (" << l.share << " %)\n";
  themes.print(out);
}

}  // namespace ascolto

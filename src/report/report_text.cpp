#include "report/report_text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "report/number_format.h"
#include "report/text_table.h"
#include "text/utf8.h"

namespace ascolto {
namespace {

std::string nps_cell(const std::optional<NetEstimate>& e) {
  return e ? signed_fixed(e->value, 1) + (e->small ? "*" : "") : "-";
}

std::string interval_cell(const std::optional<NetEstimate>& e) {
  return e ? interval_text(e->value, e->low, e->high, e->margin) : "";
}

std::string change_cell(const std::optional<Difference>& d) {
  if (!d) return "";
  return signed_fixed(d->delta, 1) + (d->significant ? (d->delta > 0 ? " ↑" : " ↓") : "  ");
}

void print_groups(const std::vector<GroupNps>& groups, const std::string& key_label,
                  const UiLabels& l, std::ostream& out) {
  TextTable t({key_label, l.respondents, l.nps, l.interval, l.change, l.detractors + " %",
               l.churn_intent + " %", l.repeat_contact + " %"});
  for (const GroupNps& g : groups) {
    t.add({g.key, std::to_string(g.bands.n()), nps_cell(g.nps), interval_cell(g.nps),
           change_cell(g.change), g.bands.n() ? fixed(g.detractor_pct, 1) : "-",
           fixed(g.churn_intent_pct, 1), fixed(g.repeat_contact_pct, 1)});
  }
  t.print(out);
}

void print_drivers(const NpsReport& r, const UiLabels& l, std::ostream& out) {
  TextTable t({l.theme, l.respondents, l.share + " %", l.sentiment, l.net_sentiment,
               l.nps_mentioners, l.impact, l.interval});
  for (const ThemeDriver* d : headline_themes(r)) {
    t.add({tree_label(l, *d), std::to_string(d->respondents), fixed(d->share_pct, 1),
           signed_fixed(d->mean_sentiment, 2),
           d->net_sentiment ? signed_fixed(d->net_sentiment->value, 1) : "-", nps_cell(d->nps),
           signed_fixed(d->impact->value, 1), "±" + fixed(d->impact->margin, 1)});
  }
  t.print(out);
}

void print_bands(const NpsReport& r, const UiLabels& l, std::ostream& out) {
  TextTable t({l.theme, l.promoters, l.passives, l.detractors});
  for (const ThemeDriver* d : headline_themes(r)) {
    std::vector<std::string> row{tree_label(l, *d)};
    for (const BandTalk& b : d->by_band) {
      row.push_back(b.mentions ? std::to_string(b.respondents) + " (" +
                                     signed_fixed(b.net_sentiment, 0) + ")"
                               : "-");
    }
    t.add(std::move(row));
  }
  t.print(out);
}

void print_changes(const NpsReport& r, const UiLabels& l, std::ostream& out) {
  if (r.changes.empty()) {
    out << "  " << l.nothing_changed << "\n";
    return;
  }
  TextTable t({l.theme, "", r.previous_period, r.current_period, l.change, "p"});
  for (const ThemeChange& c : r.changes) {
    t.add({theme_label(l, r, c.theme), measure_label(l, c.measure), fixed(c.before, 1),
           fixed(c.after, 1), signed_fixed(c.test.delta, 1), fixed(c.test.p_value, 4)});
  }
  t.print(out);
}

void print_respondents(const NpsReport& r, const UiLabels& l, std::ostream& out) {
  TextTable t({l.period, l.respondents, l.new_respondents, l.returning, l.unidentified,
               l.comments_per_respondent});
  for (const PeriodRespondents& p : r.respondents) {
    t.add({p.period, std::to_string(p.respondents), std::to_string(p.new_respondents),
           std::to_string(p.returning_respondents), std::to_string(p.unidentified_respondents),
           fixed(p.comments_per_respondent, 2)});
  }
  t.print(out);
}

// At most `limit` code points of `text` on one line, "…" when cut.
std::string one_line(const std::string& text, std::size_t limit) {
  const std::size_t cut = code_point_offset(text, limit);
  std::string out = text.substr(0, cut);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return cut < text.size() ? out + "…" : out;
}

void print_requests(const NpsReport& r, const UiLabels& l, std::ostream& out) {
  TextTable t({l.theme, l.suggestions, l.example});
  t.align_left(2);
  for (const ThemeRequests& q : r.requests) {
    t.add({theme_label(l, q.label_en, q.label_it), std::to_string(q.suggestions),
           q.examples.empty() ? "" : "\"" + one_line(q.examples.front().text, 70) + "\""});
  }
  t.print(out);
}

}  // namespace

void print_nps_report(const NpsReport& r, const UiLabels& l, std::ostream& out) {
  const auto& all = r.overall.nps;
  out << "\n" << l.nps;
  if (!r.options.since.empty() || !r.options.until.empty()) {
    out << " (" << r.options.since << " … " << r.options.until << ")";
  }
  if (!r.options.where.empty()) out << " [" << terminal_safe(r.options.where) << "]";
  out << ": ";
  if (all) {
    out << signed_fixed(all->value, 1) << (all->small ? "*" : "") << " (" << l.interval << " "
        << signed_fixed(all->low, 1) << " … " << signed_fixed(all->high, 1) << ", n " << all->n
        << ")\n";
  } else {
    out << l.no_data << "\n";
  }
  out << "\n" << l.trend << " (" << period_name(l, r.options.by) << ")\n";
  print_groups(r.periods, l.period, l, out);
  if (!r.segments.empty()) {
    out << "\n" << l.segment << ": " << terminal_safe(r.options.segment) << "\n";
    print_groups(r.segments, r.options.segment, l, out);
  }
  if (!headline_themes(r).empty()) {
    out << "\n" << l.drivers << "\n";
    print_drivers(r, l, out);
    out << "\n" << l.by_band << " (" << l.respondents << ", " << l.net_sentiment << ")\n";
    print_bands(r, l, out);
  }
  if (!r.current_period.empty()) {
    out << "\n" << l.what_changed << ": " << r.previous_period << " → " << r.current_period << "\n";
    print_changes(r, l, out);
  }
  if (!r.requests.empty()) {
    out << "\n" << l.requests << "\n";
    print_requests(r, l, out);
  }
  out << "\n" << l.seeds << "\n";
  print_respondents(r, l, out);
  out << "\n" << l.flagged_note << "\n" << l.significance_note << "\n";
}

}  // namespace ascolto

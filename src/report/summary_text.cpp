#include "report/summary_text.h"

#include <cmath>

#include "report/number_format.h"
#include "report/svg_charts.h"
#include "report/text_table.h"
#include "text/utf8.h"

namespace ascolto {
namespace {

// The sentences of the summary as plain text; `escape` makes data safe for the medium.
struct Lines {
  std::vector<std::string> priorities, examples;
  std::string changes, basis;
};

std::string cut(const std::string& text, std::size_t limit) {
  const std::size_t at = code_point_offset(text, limit);
  return at < text.size() ? text.substr(0, at) + "…" : text;
}

Lines summary_lines(const NpsReport& r, const UiLabels& l,
                    std::string (*escape)(const std::string&)) {
  Lines out;
  for (const Priority& p : r.summary.priorities) {
    const ThemeDriver& t = *p.theme;
    const Impact& i = *t.impact;
    std::string line = escape(theme_label(l, t.label_en, t.label_it)) + ": " +
                       (i.value < 0 ? l.costs : l.adds) + " " + fixed(std::fabs(i.value), 1) + " " +
                       l.nps_points + " (95% " + signed_fixed(i.low, 1) + " … " +
                       signed_fixed(i.high, 1) + "); " + fixed(t.share_pct, 1) + "% " +
                       l.of_comments + ", " + l.net_sentiment + " " +
                       (t.net_sentiment ? signed_fixed(t.net_sentiment->value, 1) : "–") + "; ";
    if (p.trend.empty()) line += l.no_trend;
    for (std::size_t k = 0; k < p.trend.size(); ++k) {
      const ThemeChange& c = *p.trend[k];
      line += (k ? ", " : "") + measure_label(l, c.measure) + " " + fixed(c.before, 1) + " → " +
              fixed(c.after, 1) +
              (c.good_news ? " (" + (*c.good_news ? l.better : l.worse) + ")" : "");
    }
    out.priorities.push_back(line);
    std::string example;
    if (p.example) {
      example = "\"" + escape(cut(p.example->text, 140)) + "\"";
      std::string where = p.example->date;
      if (!p.example->respondent.empty()) {
        where += (where.empty() ? "" : ", ") + escape(p.example->respondent);
      }
      if (!where.empty()) example += " (" + where + ")";
    }
    out.examples.push_back(example);
  }
  if (!r.previous_period.empty()) {
    out.changes = l.since + " " + r.previous_period + ": ";
    const GroupNps& now = r.periods.back();
    std::vector<std::string> parts;
    if (now.change && now.change->significant) {
      parts.push_back(l.nps_changed + " " + signed_fixed(now.change->delta, 1) + " (" +
                      (now.change->delta > 0 ? l.better : l.worse) + ")");
    }
    for (const ThemeChange& c : r.changes) {
      parts.push_back(escape(theme_label(l, r, c.theme)) + ": " + measure_label(l, c.measure) +
                      " " + signed_fixed(c.test.delta, 1) +
                      (c.good_news ? " (" + (*c.good_news ? l.better : l.worse) + ")" : ""));
    }
    if (parts.empty()) parts.push_back(l.nothing_else_changed);
    for (std::size_t k = 0; k < parts.size(); ++k) out.changes += (k ? "; " : "") + parts[k];
  }
  const ReportOptions& o = r.options;
  std::string filters;
  if (!o.since.empty() || !o.until.empty()) filters = o.since + " … " + o.until;
  if (!o.where.empty()) filters += (filters.empty() ? "" : ", ") + escape(o.where);
  out.basis = l.based_on + " " + std::to_string(r.overall.responses) + " " + l.responses + " (" +
              std::to_string(r.overall.bands.n()) + " " + l.scored + "), " + r.summary.first_date +
              " … " + r.summary.last_date + "; " + std::to_string(r.summary.sources.size()) + " " +
              l.sources + "; " + l.filters + ": " + (filters.empty() ? l.none : filters) + ".";
  return out;
}

std::string as_is(const std::string& s) {
  return terminal_safe(s);
}

}  // namespace

void print_summary(const NpsReport& r, const UiLabels& l, std::ostream& out) {
  const Lines lines = summary_lines(r, l, as_is);
  out << l.act_first << "\n";
  if (lines.priorities.empty()) out << "  " << l.act_none << "\n";
  for (std::size_t i = 0; i < lines.priorities.size(); ++i) {
    out << "  " << i + 1 << ". " << lines.priorities[i] << "\n";
    if (!lines.examples[i].empty()) out << "     " << lines.examples[i] << "\n";
  }
  if (!lines.changes.empty()) out << "  " << lines.changes << "\n";
  out << "  " << lines.basis << "\n\n";
}

std::string summary_html(const NpsReport& r, const UiLabels& l) {
  const Lines lines = summary_lines(r, l, html_escape);
  std::string html = "<section class=\"summary\"><h2>" + html_escape(l.act_first) + "</h2>\n";
  if (lines.priorities.empty()) html += "<p>" + html_escape(l.act_none) + "</p>\n";
  if (!lines.priorities.empty()) html += "<ol>\n";
  for (std::size_t i = 0; i < lines.priorities.size(); ++i) {
    const bool cost = r.summary.priorities[i].theme->impact->value < 0;
    html += std::string("<li class=\"") + (cost ? "bad" : "good") + "\">" + lines.priorities[i];
    if (!lines.examples[i].empty()) {
      html += "<br><span class=\"note\">" + lines.examples[i] + "</span>";
    }
    html += "</li>\n";
  }
  if (!lines.priorities.empty()) html += "</ol>\n";
  if (!lines.changes.empty()) html += "<p>" + lines.changes + "</p>\n";
  return html + "<p class=\"note\">" + lines.basis + "</p></section>\n";
}

}  // namespace ascolto

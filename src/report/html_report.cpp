#include "report/html_report.h"

#include <unicode/utf8.h>

#include "report/html_breakdowns.h"
#include "report/html_verbatims.h"
#include "report/number_format.h"
#include "report/summary_text.h"
#include "report/svg_charts.h"

namespace ascolto {
namespace {

constexpr const char* kStyle = R"css(
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       max-width: 980px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; }
.headline { font-size: 1.15em; }
.headline strong { font-size: 1.6em; }
table { border-collapse: collapse; margin: 0.6em 0; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 7px; border-bottom: 1px solid #eee; text-align: right; }
td { white-space: nowrap; } th { font-size: 0.9em; }
th:first-child, td:first-child { text-align: left; }
.good { color: #1e8449; } .bad { color: #c0392b; }
.note { color: #666; font-size: 0.9em; }
svg.chart { width: 100%; height: auto; display: block; }
svg .label { font-size: 11px; fill: #444; } svg .small { font-size: 10px; }
svg .grid { stroke: #eee; } svg .axis { stroke: #999; } svg .zero { stroke: #555; }
svg .quadrant { stroke-dasharray: 4 3; }
svg .band { fill: #2c5aa0; fill-opacity: 0.15; }
svg .trend-line { fill: none; stroke: #2c5aa0; stroke-width: 2.5; }
svg .point { fill: #2c5aa0; } svg .point.flagged { fill: #fff; stroke: #2c5aa0; stroke-width: 2; }
svg .whisker { stroke: #333; stroke-width: 1.5; }
svg .bubble { fill-opacity: 0.6; stroke: #fff; }
blockquote { margin: 0.4em 0 0.8em; padding: 0.3em 0.8em; border-left: 4px solid #ccc; }
blockquote.negative { border-color: #c0392b; } blockquote.positive { border-color: #1e8449; }
mark { background: #ffe58a; padding: 0 2px; }
.summary { background: #f7f7f4; padding: 0.2em 1em 0.6em; border-radius: 6px; }
.summary h2 { margin-top: 0.6em; } .summary li { margin: 0.4em 0; }
table.follow-up td { white-space: normal; vertical-align: top; text-align: left; }
tr.child td:first-child { padding-left: 1.6em; color: #444; }
)css";

std::string cell(const std::string& s, const char* css_class = nullptr) {
  return css_class ? "<td class=\"" + std::string(css_class) + "\">" + s + "</td>"
                   : "<td>" + s + "</td>";
}

std::string nps_text(const std::optional<NetEstimate>& e) {
  return e ? signed_fixed(e->value, 1) + (e->small ? " *" : "") : "–";
}

// The arrow gives the direction of a significant change, the colour whether it is good news
// (for an NPS, up is; a theme's volume depends on what is said of it: ThemeChange::good_news).
std::string change_cell(const std::optional<Difference>& d, std::optional<bool> good) {
  if (!d) return cell("");
  const char* css = d->significant && good ? (*good ? "good" : "bad") : nullptr;
  return cell(signed_fixed(d->delta, 1) + (d->significant ? (d->delta > 0 ? " ↑" : " ↓") : ""),
              css);
}

std::string change_cell(const std::optional<Difference>& d) {
  return change_cell(d, d ? std::optional<bool>(d->delta > 0) : std::nullopt);
}

std::string group_table(const std::vector<GroupNps>& groups, const std::string& key_label,
                        const UiLabels& l) {
  std::string html = "<table><tr><th>" + html_escape(key_label) + "</th><th>" + l.respondents +
                     "</th><th>" + l.nps + "</th><th>" + l.interval + "</th><th>" + l.change +
                     "</th><th>" + l.detractors + " %</th><th>" + l.churn_intent + " %</th><th>" +
                     l.repeat_contact + " %</th></tr>\n";
  for (const GroupNps& g : groups) {
    html += "<tr>" + cell(html_escape(g.key)) + cell(std::to_string(g.bands.n())) +
            cell(nps_text(g.nps)) +
            cell(g.nps ? signed_fixed(g.nps->low, 1) + " … " + signed_fixed(g.nps->high, 1) : "") +
            change_cell(g.change) + cell(g.bands.n() ? fixed(g.detractor_pct, 1) : "–") +
            cell(fixed(g.churn_intent_pct, 1)) + cell(fixed(g.repeat_contact_pct, 1)) + "</tr>\n";
  }
  return html + "</table>\n";
}

std::string trend_section(const NpsReport& r, const UiLabels& l) {
  std::vector<IntervalPoint> points;
  std::vector<StackedColumn> mix;
  for (const GroupNps& g : r.periods) {
    if (g.nps) points.push_back({g.key, g.nps->value, g.nps->low, g.nps->high, g.nps->small});
    mix.push_back({g.key, static_cast<double>(g.bands.positive),
                   static_cast<double>(g.bands.neutral), static_cast<double>(g.bands.negative)});
  }
  const std::string bands[3] = {l.promoters, l.passives, l.detractors};
  return "<h2>" + l.trend + " (" + period_name(l, r.options.by) + ")</h2>\n" +
         trend_chart(points, l.trend) + group_table(r.periods, l.period, l) + "<h2>" + l.band_mix +
         "</h2>\n" + stacked_columns(mix, l.band_mix, bands);
}

std::string drivers_section(const NpsReport& r, const UiLabels& l) {
  const auto themes = headline_themes(r);
  std::vector<IntervalPoint> bars;
  std::vector<ScatterPoint> scatter;
  std::string table = "<table><tr><th>" + l.theme + "</th><th>" + l.respondents + "</th><th>" +
                      l.share + " %</th><th>" + l.net_sentiment + "</th><th>" + l.nps_mentioners +
                      "</th><th>" + l.impact + "</th><th>" + l.interval + "</th><th>" +
                      l.promoters + "</th><th>" + l.detractors + "</th></tr>\n";
  for (const ThemeDriver* t : themes) {
    const std::string& label = theme_label(l, t->label_en, t->label_it);
    const bool small = !t->nps || t->nps->small;
    bars.push_back({label, t->impact->value, t->impact->low, t->impact->high, small});
    if (t->net_sentiment) {
      scatter.push_back({label, t->share_pct, t->net_sentiment->value,
                         static_cast<double>(t->respondents), t->impact->value});
    }
    const auto band = [](const BandTalk& b) {
      return b.mentions
                 ? std::to_string(b.respondents) + " (" + signed_fixed(b.net_sentiment, 0) + ")"
                 : std::string("–");
    };
    table += std::string(t->parent.empty() ? "<tr>" : "<tr class=\"child\">") +
             cell(html_escape(t->parent.empty() ? label : "└ " + label)) +
             cell(std::to_string(t->respondents)) + cell(fixed(t->share_pct, 1)) +
             cell(t->net_sentiment ? signed_fixed(t->net_sentiment->value, 1) : "–") +
             cell(nps_text(t->nps)) + cell(signed_fixed(t->impact->value, 1)) +
             cell(signed_fixed(t->impact->low, 1) + " … " + signed_fixed(t->impact->high, 1)) +
             cell(band(t->by_band[0])) + cell(band(t->by_band[2])) + "</tr>\n";
  }
  return "<h2>" + l.drivers + "</h2>\n" + diverging_bars(bars, l.drivers) + table +
         "</table>\n<p class=\"note\">" + l.promoters + " / " + l.detractors + ": " +
         l.respondents + " (" + l.net_sentiment + ")</p>\n<h2>" + l.volume_vs_sentiment +
         "</h2>\n" +
         quadrant_scatter(scatter, l.volume_vs_sentiment, l.share + " %", l.net_sentiment);
}

std::string changes_section(const NpsReport& r, const UiLabels& l) {
  if (r.current_period.empty()) return "";
  std::string html = "<h2>" + l.what_changed + ": " + html_escape(r.previous_period) + " → " +
                     html_escape(r.current_period) + "</h2>\n";
  if (r.changes.empty()) return html + "<p>" + l.nothing_changed + "</p>\n";
  html += "<table><tr><th>" + l.theme + "</th><th></th><th>" + html_escape(r.previous_period) +
          "</th><th>" + html_escape(r.current_period) + "</th><th>" + l.change +
          "</th><th>p</th></tr>\n";
  for (const ThemeChange& c : r.changes) {
    html += "<tr>" + cell(html_escape(theme_label(l, r, c.theme))) +
            cell(measure_label(l, c.measure)) + cell(fixed(c.before, 1)) + cell(fixed(c.after, 1)) +
            change_cell(c.test, c.good_news) + cell(fixed(c.test.p_value, 4)) + "</tr>\n";
  }
  return html + "</table>\n";
}

std::string examples_section(const NpsReport& r, const UiLabels& l) {
  if (r.examples.empty()) return "";
  std::string html = "<h2>" + l.examples + "</h2>\n";
  std::string current;
  for (const Example& e : r.examples) {
    if (e.theme != current) {
      current = e.theme;
      for (const ThemeDriver& t : r.themes) {
        if (t.theme == e.theme)
          html += "<h3>" + html_escape(theme_label(l, t.label_en, t.label_it)) + "</h3>\n";
      }
    }
    html += std::string("<blockquote class=\"") + (e.sentiment < 0 ? "negative" : "positive") +
            "\">" + highlight(e.text, e.start, e.end) + "<br><span class=\"note\">" + l.sentiment +
            " " + signed_fixed(e.sentiment, 2) +
            (e.score ? ", " + l.score + " " + std::to_string(*e.score) : "") +
            (e.date.empty() ? "" : ", " + html_escape(e.date)) +
            (e.respondent.empty() ? "" : ", " + html_escape(e.respondent)) +
            "</span></blockquote>\n";
  }
  return html;
}

std::string requests_section(const NpsReport& r, const UiLabels& l) {
  if (r.requests.empty()) return "";
  std::string html = "<h2>" + l.requests + "</h2>\n";
  for (const ThemeRequests& q : r.requests) {
    html += "<h3>" + html_escape(theme_label(l, q.label_en, q.label_it)) +
            " <span class=\"note\">" + l.suggestions + " " + std::to_string(q.suggestions) +
            "</span></h3>\n";
    for (const Example& e : q.examples) {
      html += "<blockquote>" + highlight(e.text, e.start, e.end) + "</blockquote>\n";
    }
  }
  return html;
}

std::string respondents_section(const NpsReport& r, const UiLabels& l) {
  std::string html = "<h2>" + l.seeds + "</h2>\n<table><tr><th>" + l.period + "</th><th>" +
                     l.respondents + "</th><th>" + l.new_respondents + "</th><th>" + l.returning +
                     "</th><th>" + l.unidentified + "</th><th>" + l.comments_per_respondent +
                     "</th></tr>\n";
  for (const PeriodRespondents& p : r.respondents) {
    html += "<tr>" + cell(html_escape(p.period)) + cell(std::to_string(p.respondents)) +
            cell(std::to_string(p.new_respondents)) +
            cell(std::to_string(p.returning_respondents)) +
            cell(std::to_string(p.unidentified_respondents)) +
            cell(fixed(p.comments_per_respondent, 2)) + "</tr>\n";
  }
  return html + "</table>\n";
}

std::string follow_up_section(const std::vector<FollowUp>& rows, const UiLabels& l) {
  std::string html = "<h2>" + l.follow_up + "</h2>\n<p class=\"note\">" + l.follow_up_note +
                     "</p>\n<table class=\"follow-up\"><tr><th>" + l.respondents + "</th><th>" +
                     l.period + "</th><th>" + l.segment + "</th><th>" + l.score + "</th><th>" +
                     l.follow_up_reasons + "</th><th>" + l.theme + "</th><th>" + l.example +
                     "</th></tr>\n";
  for (const FollowUp& f : rows) {
    html += "<tr>" +
            cell(html_escape(f.respondent.empty() ? "#" + std::to_string(f.response_id)
                                                  : f.respondent)) +
            cell(html_escape(f.date)) + cell(html_escape(f.segments)) +
            cell(f.score ? std::to_string(*f.score) : "") + cell(html_escape(f.reasons)) +
            cell(html_escape(f.themes)) + "<td class=\"comment\">" + html_escape(f.text) +
            "</td></tr>\n";
  }
  return html + "</table>\n";
}

}  // namespace

std::string highlight(const std::string& text, std::int64_t start, std::int64_t end) {
  // Offsets are in code points; walk the UTF-8 to find the byte positions.
  std::int32_t i = 0, code_points = 0, begin_byte = -1, end_byte = -1;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i <= length) {
    if (code_points == start && begin_byte < 0) begin_byte = i;
    if (code_points == end) {
      end_byte = i;
      break;
    }
    if (i == length) break;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    ++code_points;
  }
  if (begin_byte < 0 || end_byte < begin_byte) return html_escape(text);
  const auto b = static_cast<std::size_t>(begin_byte), e = static_cast<std::size_t>(end_byte);
  return html_escape(text.substr(0, b)) + "<mark>" + html_escape(text.substr(b, e - b)) +
         "</mark>" + html_escape(text.substr(e));
}

void write_html_report(const NpsReport& r, const UiLabels& l, std::ostream& out,
                       const std::vector<FollowUp>* follow_up, const Breakdowns* breakdowns,
                       const Verbatims* verbatims) {
  out << "<!DOCTYPE html>\n<html lang=\"" << l.lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
      << html_escape(l.title) << "</title>\n<style>" << kStyle << kBreakdownStyle << kVerbatimStyle
      << "</style>\n</head>\n<body>\n<h1>" << html_escape(l.title) << "</h1>\n";
  const auto& all = r.overall.nps;
  out << "<p class=\"headline\">" << l.nps << " <strong>"
      << (all ? signed_fixed(all->value, 1) : std::string("–")) << "</strong>";
  if (all) {
    out << (all->small ? " *" : "") << " &nbsp;" << l.interval << " " << signed_fixed(all->low, 1)
        << " … " << signed_fixed(all->high, 1) << " &nbsp;(n " << all->n << ": " << l.promoters
        << " " << r.overall.bands.positive << ", " << l.passives << " " << r.overall.bands.neutral
        << ", " << l.detractors << " " << r.overall.bands.negative << ")";
  }
  out << "</p>\n";
  if (!r.options.since.empty() || !r.options.until.empty() || !r.options.where.empty()) {
    out << "<p class=\"note\">" << html_escape(r.options.since) << " … "
        << html_escape(r.options.until) << " " << html_escape(r.options.where) << "</p>\n";
  }
  out << summary_html(r, l) << trend_section(r, l);
  if (!r.segments.empty()) {
    out << "<h2>" << l.segment << ": " << html_escape(r.options.segment) << "</h2>\n"
        << group_table(r.segments, r.options.segment, l);
    if (breakdowns) out << segment_period_html(r, *breakdowns, l);
  }
  if (!headline_themes(r).empty()) out << drivers_section(r, l);
  if (breakdowns)
    out << theme_trends_html(r, *breakdowns, l) << theme_segment_html(r, *breakdowns, l);
  out << changes_section(r, l) << examples_section(r, l)
      << (verbatims ? verbatims_html(*verbatims, r, l) : "") << requests_section(r, l)
      << respondents_section(r, l) << (follow_up ? follow_up_section(*follow_up, l) : "")
      << "<p class=\"note\">" << l.flagged_note << "<br>" << l.significance_note
      << "</p>\n</body>\n</html>\n";
}

}  // namespace ascolto

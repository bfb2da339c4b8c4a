#include "report/html_breakdowns.h"

#include <cmath>

#include "report/number_format.h"
#include "report/svg_charts.h"
#include "report/svg_multiples.h"

namespace ascolto {

// ColorBrewer's RdBu, readable with the common colour-vision deficiencies; values are printed in
// every cell, so the colour is never the only carrier.
const char* const kBreakdownStyle = R"css(
.multiples { display: grid; grid-template-columns: 1fr; gap: 0.2em; }
svg .heading { font-size: 13px; font-weight: 600; fill: #222; }
svg .multiple-line { fill: none; stroke: #2c5aa0; stroke-width: 1.8; }
table.heat td { text-align: center; min-width: 3.6em; }
table.heat td:first-child { text-align: left; }
table.heat td small { display: block; font-size: 0.75em; opacity: 0.8; }
table.heat td.small { color: #777; }
.h-3 { background: #b2182b; color: #fff; } .h-2 { background: #ef8a62; } .h-1 { background: #fddbc7; }
.h0 { background: #f7f7f7; }
.h1 { background: #d1e5f0; } .h2 { background: #67a9cf; } .h3 { background: #2166ac; color: #fff; }
.legend span { display: inline-block; padding: 1px 8px; margin-right: 2px; font-size: 0.85em; }
)css";

namespace {

struct Words {
  const char *over_time, *multiples_note, *share, *net, *impact, *nps_by, *nps_note, *themes_by,
      *themes_note, *worse, *better, *all;
};

const Words& words(const UiLabels& l) {
  static const Words en{
      "Themes over time",
      "One chart per theme, the same scales for all: share of the period's comments (%), net "
      "sentiment of the mentions and impact on the NPS (points). Hollow points rest on fewer "
      "mentioners than the minimum n.",
      "Share of comments %",
      "Net sentiment",
      "Impact on NPS",
      "NPS by",
      "Colour: points above (blue) or below (red) the overall NPS; no colour where n is under the "
      "minimum (*). Small figure: n, scored respondents.",
      "Themes by",
      "Cell: net sentiment of the mentions, and the share of that segment's comments. Colour: "
      "better (blue) or worse (red) than the theme's net sentiment overall; no colour under the "
      "minimum n of mentions (*).",
      "worse",
      "better",
      "All"};
  static const Words it{
      "Temi nel tempo",
      "Un grafico per tema, con le stesse scale per tutti: quota dei commenti del periodo (%), "
      "sentiment netto delle menzioni e impatto sull'NPS (punti). I punti vuoti poggiano su meno "
      "rispondenti del minimo n.",
      "Quota dei commenti %",
      "Sentiment netto",
      "Impatto sull'NPS",
      "NPS per",
      "Colore: punti sopra (blu) o sotto (rosso) l'NPS complessivo; nessun colore se n è sotto il "
      "minimo (*). Cifra piccola: n, rispondenti con punteggio.",
      "Temi per",
      "Cella: sentiment netto delle menzioni e quota dei commenti di quel segmento. Colore: "
      "meglio (blu) o peggio (rosso) del sentiment netto del tema nel complesso; nessun colore "
      "sotto il minimo n di menzioni (*).",
      "peggio",
      "meglio",
      "Tutti"};
  return l.lang == "it" ? it : en;
}

std::string legend(const Words& w) {
  std::string html = "<p class=\"legend note\">" + std::string(w.worse) + " ";
  for (const char* c : {"h-3", "h-2", "h-1", "h0", "h1", "h2", "h3"})
    html += "<span class=\"" + std::string(c) + "\">&nbsp;</span>";
  return html + " " + w.better + "</p>\n";
}

std::string heat_cell(const std::string& value, const std::string& detail, const std::string& css,
                      bool small, const std::string& tooltip) {
  const std::string cls = css + (small ? " small" : "");
  return "<td" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + " title=\"" +
         html_escape(tooltip) + "\">" + value + (small ? " *" : "") + "<small>" + detail +
         "</small></td>";
}

}  // namespace

std::string heat_class(double delta, bool small) {
  if (small) return "";
  const double a = std::fabs(delta);
  const int step = a < 5 ? 0 : a < 15 ? 1 : a < 30 ? 2 : 3;
  return step == 0 ? "h0" : std::string(delta < 0 ? "h-" : "h") + std::to_string(step);
}

std::string theme_trends_html(const NpsReport& r, const Breakdowns& b, const UiLabels& l) {
  if (b.trends.empty() || r.periods.size() < 2) return "";
  const Words& w = words(l);
  std::vector<std::string> periods;
  for (const GroupNps& p : r.periods) periods.push_back(p.key);
  // The measures' shared scales, over every theme and period.
  std::vector<MultiplePoint> all[3];
  std::vector<std::vector<MultiplePoint>> series[3];
  for (const ThemeTrend& t : b.trends) {
    std::vector<MultiplePoint> s[3];
    for (const ThemePeriod& p : t.periods) {
      s[0].push_back(
          {p.comments > 0 ? std::optional<double>(round_to(p.share_pct, 1)) : std::nullopt,
           p.small});
      s[1].push_back(
          {p.net_sentiment ? std::optional<double>(round_to(*p.net_sentiment, 1)) : std::nullopt,
           p.small});
      s[2].push_back(
          {p.impact ? std::optional<double>(round_to(p.impact->value, 1)) : std::nullopt, p.small});
    }
    for (int m = 0; m < 3; ++m) {
      all[m].insert(all[m].end(), s[m].begin(), s[m].end());
      series[m].push_back(std::move(s[m]));
    }
  }
  const auto share = shared_range(all[0], 10), net = shared_range(all[1], 20),
             impact = shared_range(all[2], 5);
  std::string html = "<h2>" + std::string(w.over_time) + " (" + period_name(l, r.options.by) +
                     ")</h2>\n<p class=\"note\">" + w.multiples_note +
                     "</p>\n<div class=\"multiples\">\n";
  for (std::size_t i = 0; i < b.trends.size(); ++i) {
    const ThemeDriver& t = *b.trends[i].theme;
    const std::string& label = theme_label(l, t.label_en, t.label_it);
    html += small_multiple(label, periods,
                           {{w.share, share.first, share.second, series[0][i]},
                            {w.net, net.first, net.second, series[1][i]},
                            {w.impact, impact.first, impact.second, series[2][i]}});
  }
  return html + "</div>\n";
}

std::string segment_period_html(const NpsReport& r, const Breakdowns& b, const UiLabels& l) {
  if (b.values.empty() || r.periods.empty()) return "";
  const Words& w = words(l);
  const double overall = r.overall.nps ? r.overall.nps->value : 0;
  std::string html = "<h2>" + std::string(w.nps_by) + " " + html_escape(r.options.segment) + " × " +
                     period_name(l, r.options.by) + "</h2>\n<table class=\"heat\"><tr><th>" +
                     html_escape(r.options.segment) + "</th>";
  for (const GroupNps& p : r.periods) html += "<th>" + html_escape(p.key) + "</th>";
  html += "<th>" + std::string(w.all) + "</th></tr>\n";
  for (const GroupNps& g : r.segments) {
    html += "<tr><td>" + html_escape(g.key) + "</td>";
    for (const GroupNps& p : r.periods) {
      const SegmentPeriod* c = find_cell(b, g.key, p.key);
      if (!c || !c->nps) {
        html += "<td class=\"small\">–<small>n " + std::to_string(c ? c->bands.n() : 0) +
                "</small></td>";
        continue;
      }
      html +=
          heat_cell(signed_fixed(c->nps->value, 1), "n " + std::to_string(c->bands.n()),
                    heat_class(c->nps->value - overall, c->nps->small), c->nps->small,
                    g.key + " " + p.key + ": " + signed_fixed(c->nps->value, 1) + " [" +
                        signed_fixed(c->nps->low, 1) + ", " + signed_fixed(c->nps->high, 1) + "]");
    }
    html += g.nps ? heat_cell(signed_fixed(g.nps->value, 1), "n " + std::to_string(g.bands.n()),
                              heat_class(g.nps->value - overall, g.nps->small), g.nps->small, g.key)
                  : "<td>–</td>";
    html += "</tr>\n";
  }
  return html + "</table>\n" + legend(w) + "<p class=\"note\">" + w.nps_note + " " + l.nps + " " +
         signed_fixed(overall, 1) + ".</p>\n";
}

std::string theme_segment_html(const NpsReport& r, const Breakdowns& b, const UiLabels& l) {
  if (b.values.empty() || b.trends.empty()) return "";
  const Words& w = words(l);
  std::string html = "<h2>" + std::string(w.themes_by) + " " + html_escape(r.options.segment) +
                     "</h2>\n<table class=\"heat\"><tr><th>" + l.theme + "</th>";
  for (const std::string& v : b.values) html += "<th>" + html_escape(v) + "</th>";
  html += "<th>" + std::string(w.all) + "</th></tr>\n";
  for (const ThemeTrend& trend : b.trends) {
    const ThemeDriver& t = *trend.theme;
    const std::string& label = theme_label(l, t.label_en, t.label_it);
    const double reference = t.net_sentiment ? t.net_sentiment->value : 0;
    html += "<tr><td>" + html_escape(label) + "</td>";
    for (const std::string& v : b.values) {
      const ThemeSegment* c = find_cell(b, t, v);
      if (!c || !c->net_sentiment) {
        html += "<td class=\"small\">–</td>";
        continue;
      }
      html += heat_cell(signed_fixed(*c->net_sentiment, 1), fixed(c->share_pct, 1) + " %",
                        heat_class(*c->net_sentiment - reference, c->small), c->small,
                        label + ", " + v + ": " + std::to_string(c->respondents) + " / " +
                            std::to_string(c->comments) + ", " + std::to_string(c->mentions) + " " +
                            l.mentions);
    }
    html += t.net_sentiment ? heat_cell(signed_fixed(reference, 1), fixed(t.share_pct, 1) + " %",
                                        "", t.net_sentiment->small, label)
                            : "<td>–</td>";
    html += "</tr>\n";
  }
  return html + "</table>\n" + legend(w) + "<p class=\"note\">" + w.themes_note + "</p>\n";
}

}  // namespace ascolto

// The words of the report (terminal and HTML) in English or Italian.
//
//   const UiLabels& l = ui_labels("it");   // l.impact == "Impatto"
#pragma once

#include <string>

#include "report/nps_report.h"

namespace ascolto {

struct UiLabels {
  std::string lang;
  std::string title, period, segment, theme, respondents, nps, margin, interval, change, promoters,
      passives, detractors, impact, share, sentiment, net_sentiment, nps_mentioners, drivers, trend,
      band_mix, volume, volume_vs_sentiment, what_changed, nothing_changed, by_band, examples,
      requests, suggestions, example, new_respondents, returning, unidentified,
      comments_per_respondent, churn_intent, repeat_contact, seeds, no_data, score, flagged_note,
      significance_note;
  // The opening block.
  std::string responses, with_score, by_language, by_sentiment, no_theme, top_themes, mentions,
      negative;
  // "Act on this first".
  std::string act_first, act_none, costs, adds, nps_points, of_comments, no_trend, since,
      nps_changed, nothing_else_changed, based_on, scored, sources, filters, none, better, worse;
  // The follow-up list.
  std::string follow_up, follow_up_note, follow_up_reasons;
};

// "en" or "it"; throws UsageError for another language.
const UiLabels& ui_labels(const std::string& lang);

// "month" or "mese", and so on.
const char* period_name(const UiLabels& l, Granularity g);

// The label of a theme in the report's language.
const std::string& theme_label(const UiLabels& l, const std::string& label_en,
                               const std::string& label_it);

// A theme's label as a line of the tree of headline_themes: a subtheme's is indented under its
// parent ("  └ Delays").
std::string tree_label(const UiLabels& l, const ThemeDriver& t);

// "volume", "net_sentiment" or "impact" (ThemeChange::measure) in the report's language.
const std::string& measure_label(const UiLabels& l, const std::string& measure);

// The label of the theme with this id among the report's themes; the id if it has none.
const std::string& theme_label(const UiLabels& l, const NpsReport& r, const std::string& id);

}  // namespace ascolto

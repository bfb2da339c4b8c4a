#include "report/ui_labels.h"

#include "common/error.h"

namespace ascolto {

const UiLabels& ui_labels(const std::string& lang) {
  static const UiLabels en{
      "en",
      "Ascolto: what moves our NPS",
      "Period",
      "Segment",
      "Theme",
      "Respondents",
      "NPS",
      "± (95%)",
      "95% interval",
      "Change",
      "Promoters",
      "Passives",
      "Detractors",
      "Impact",
      "Share",
      "Sentiment",
      "Net sentiment",
      "NPS of mentioners",
      "Themes ranked by impact on NPS",
      "NPS trend",
      "Band mix",
      "Volume",
      "Volume and sentiment of themes",
      "What changed",
      "No theme changed significantly.",
      "What each band talks about",
      "Representative comments",
      "What customers ask for",
      "Suggestions",
      "Example",
      "New",
      "Returning",
      "No respondent id",
      "Comments per respondent",
      "Churn intent",
      "Repeat contact",
      "Respondents per period",
      "No scored responses.",
      "score",
      "* fewer respondents than the minimum n: read with care.",
      "↑↓ significant change against the previous period (or the rest) at p < 0.05.",
      "Responses",
      "with an NPS score",
      "By language",
      "By sentiment",
      "Comments with no theme",
      "Top themes",
      "Mentions",
      "Negative",
      "Act on this first",
      "No theme moves the NPS beyond chance in these responses.",
      "costs",
      "adds",
      "NPS points",
      "of comments",
      "no significant change in the last period",
      "Since",
      "NPS",
      "no theme changed significantly",
      "Based on",
      "scored",
      "sources",
      "filters",
      "none",
      "better",
      "worse",
      "Customers to contact back",
      "Detractors and anyone with churn intent or a repeat contact, newest first (at most 500 "
      "here; all of them with report --follow-up).",
      "Why"};
  static const UiLabels it{
      "it",
      "Ascolto: cosa muove il nostro NPS",
      "Periodo",
      "Segmento",
      "Tema",
      "Rispondenti",
      "NPS",
      "± (95%)",
      "intervallo al 95%",
      "Variazione",
      "Promotori",
      "Passivi",
      "Detrattori",
      "Impatto",
      "Quota",
      "Sentiment",
      "Sentiment netto",
      "NPS di chi ne parla",
      "Temi ordinati per impatto sull'NPS",
      "Andamento dell'NPS",
      "Composizione per fascia",
      "Volume",
      "Volume e sentiment dei temi",
      "Cosa è cambiato",
      "Nessun tema è cambiato in modo significativo.",
      "Di cosa parla ogni fascia",
      "Commenti rappresentativi",
      "Cosa chiedono i clienti",
      "Suggerimenti",
      "Esempio",
      "Nuovi",
      "Di ritorno",
      "Senza id cliente",
      "Commenti per rispondente",
      "Intenzione di abbandono",
      "Contatti ripetuti",
      "Rispondenti per periodo",
      "Nessuna risposta con punteggio.",
      "voto",
      "* meno rispondenti del minimo: da leggere con cautela.",
      "↑↓ variazione significativa rispetto al periodo precedente (o al resto), p < 0,05.",
      "Risposte",
      "con un voto NPS",
      "Per lingua",
      "Per sentiment",
      "Commenti senza tema",
      "Temi principali",
      "Menzioni",
      "Negative",
      "Da dove partire",
      "Nessun tema sposta l'NPS oltre il caso in queste risposte.",
      "costa",
      "aggiunge",
      "punti di NPS",
      "dei commenti",
      "nessuna variazione significativa nell'ultimo periodo",
      "Rispetto a",
      "NPS",
      "nessun tema è cambiato in modo significativo",
      "Basato su",
      "con voto",
      "fonti",
      "filtri",
      "nessuno",
      "meglio",
      "peggio",
      "Clienti da ricontattare",
      "Detrattori e chiunque intenda abbandonare o abbia ricontattato, dal più recente (qui al "
      "massimo 500; tutti con report --follow-up).",
      "Perché"};
  if (lang == "en") return en;
  if (lang == "it") return it;
  throw UsageError("--ui-lang '" + lang + "': expected en or it");
}

const char* period_name(const UiLabels& l, Granularity g) {
  if (l.lang != "it") return granularity_name(g);
  switch (g) {
    case Granularity::Week:
      return "settimana";
    case Granularity::Month:
      return "mese";
    case Granularity::Quarter:
      return "trimestre";
  }
  return "";
}

const std::string& theme_label(const UiLabels& l, const std::string& label_en,
                               const std::string& label_it) {
  return l.lang == "it" ? label_it : label_en;
}

const std::string& theme_label(const UiLabels& l, const NpsReport& r, const std::string& id) {
  for (const ThemeDriver& t : r.themes) {
    if (t.theme == id) return theme_label(l, t.label_en, t.label_it);
  }
  return id;
}

std::string tree_label(const UiLabels& l, const ThemeDriver& t) {
  const std::string& label = theme_label(l, t.label_en, t.label_it);
  return t.parent.empty() ? label : "  └ " + label;
}

const std::string& measure_label(const UiLabels& l, const std::string& measure) {
  if (measure == "volume") return l.volume;
  if (measure == "net_sentiment") return l.net_sentiment;
  if (measure == "impact") return l.impact;
  return measure;
}

}  // namespace ascolto

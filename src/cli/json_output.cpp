#include "cli/json_output.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "nps/nps.h"

namespace ascolto {
namespace {

double round4(double v) {
  return std::round(v * 10000.0) / 10000.0;
}

}  // namespace

std::string to_json_line(const AnalysedRow& r) {
  using json = nlohmann::ordered_json;
  json o;
  o["id"] = r.row.display_id();
  o["lang"] = lang_code(r.analysis.lang);
  json nps = json::object();
  if (r.row.score) {
    nps["score"] = *r.row.score;
    nps["band"] = band_name(band_of(*r.row.score));
  } else {
    nps["score"] = nullptr;
    nps["band"] = nullptr;
  }
  o["nps"] = std::move(nps);
  o["sentiment"] = {{"score", round4(r.analysis.score)}, {"label", label_name(r.analysis.label)}};
  json themes = json::array();
  for (const Mention& m : r.analysis.mentions) {
    themes.push_back({{"theme", m.theme},
                      {"text", m.text},
                      {"sentence", m.sentence},
                      {"start", m.start},
                      {"end", m.end},
                      {"sentiment", round4(m.sentiment)},
                      {"intent", intent_name(m.intent)}});
  }
  o["themes"] = std::move(themes);
  const Signals& sig = r.analysis.signals;
  const char* rec = recommendation_name(sig.recommendation);
  o["signals"] = {{"churn_intent", sig.churn_intent},
                  {"repeat_contact", sig.repeat_contact},
                  {"recommendation", rec ? json(rec) : json(nullptr)}};
  // Invalid UTF-8 never reaches here (the reader rejects it); replace defensively anyway.
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace ascolto

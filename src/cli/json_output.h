// The JSON line written per comment by `analyze --out` (field names are a contract: later
// versions add fields, never rename these):
// {"id":"r-17","lang":"it","nps":{"score":4,"band":"detractor"},
//  "sentiment":{"score":-0.62,"label":"negative"},
//  "themes":[{"theme":"delivery.delay","text":"in ritardo","sentence":0,"start":24,"end":34,
//             "sentiment":-0.5,"intent":"complaint"}],
//  "signals":{"churn_intent":false,"repeat_contact":false,"recommendation":null}}
#pragma once

#include <string>

#include "store/store.h"

namespace ascolto {

std::string to_json_line(const AnalysedRow& row);

}  // namespace ascolto

// The JSON line written per comment by `analyze --out` (field names are a contract: later
// versions add fields, never rename these):
// {"id":"r-17","lang":"it","nps":{"score":4,"band":"detractor"},
//  "sentiment":{"score":-0.62,"label":"negative"},
//  "themes":[{"theme":"delivery.delay","text":"in ritardo","sentence":0,"start":24,"end":34,
//             "sentiment":-0.5,"intent":"complaint"}],
//  "signals":{"churn_intent":false,"repeat_contact":false,"recommendation":null}}
// The line is assembled from pieces (strings and numbers serialized by nlohmann-json, so escaping
// and number formats are nlohmann's) without building a JSON tree per comment.
//
//   std::string buf;
//   append_json_line(row, buf);   // one line, with its '\n'
#pragma once

#include <string>

#include "analysis/batch.h"

namespace ascolto {

// Appends the JSON object of `row` and a newline to `out`.
void append_json_line(const AnalysedRow& row, std::string& out);

}  // namespace ascolto

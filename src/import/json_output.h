// The JSON line written per comment by `analyze --out` (field names are a contract: later
// versions add fields, never rename these):
// {"id":"r-17","lang":"it","nps":{"score":4,"band":"detractor"},
//  "sentiment":{"score":-0.62,"label":"negative"},
//  "themes":[{"theme":"delivery.delay","text":"in ritardo","sentence":0,"start":24,"end":34,
//             "sentiment":-0.5,"intent":"complaint"}],
//  "signals":{"churn_intent":false,"repeat_contact":false,"recommendation":null}}
// With JsonFields::All (`analyze --out-fields all`) the line also carries what the store keeps of
// the input, so that `ascolto merge` can store it without analysing again (see jsonl_shard.h):
//  "source":{"key":"id:r-17","id":"r-17","file":"export.csv","line":12,"row":11,"input_hash":"…"},
//  "text":"…","date":"2026-03-01","segments":[["store","Milano"]],"sentences":2,
//  "issues":[{"column":3,"field":"score","reason":"…"}]
// and its sentiment scores unrounded (shortest round-trip digits), so the store gets the same
// doubles as an import would write.
// The line is assembled from pieces (strings and numbers serialized by nlohmann-json, so escaping
// and number formats are nlohmann's) without building a JSON tree per comment.
//
//   std::string buf;
//   append_json_line(row, buf);   // one line, with its '\n'
#pragma once

#include <string>

#include "analysis/batch.h"

namespace ascolto {

enum class JsonFields { Analysis, All };

// Appends the JSON object of `row` and a newline to `out`.
void append_json_line(const AnalysedRow& row, std::string& out,
                      JsonFields fields = JsonFields::Analysis);

}  // namespace ascolto

// Every theme's comments for the HTML report (issue 19, point 5): per top-level theme, its
// newest mentions in scope (its subthemes' included; see kVerbatimsPerTheme), each comment once
// with its date, period, band, score, segment value and (pseudonymized) respondent or source id,
// and the matched words of each mention with the mention's own sentiment. verbatims_json writes
// them as one compact JSON document that the page filters in the browser.
//
//   const Verbatims v = load_verbatims(db, report);
//   std::string json = verbatims_json(v, ui_labels("en"));
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/nps_report.h"
#include "report/ui_labels.h"

namespace ascolto {

// What the page holds: the newest kVerbatimsPerTheme mentions of each top-level theme (its
// subthemes' included) among the newest kVerbatimsScanned responses in scope
// with a theme. Every comment of a
// 50k-response database fits; over a million responses the page keeps about 60k comments
// (about 10 MB) and says, per theme, how many of its mentions it shows.
constexpr std::int64_t kVerbatimsPerTheme = 20000;
constexpr std::int64_t kVerbatimsScanned = 60000;

struct VerbatimMention {
  std::size_t theme = 0;            // index into Verbatims::themes
  std::int64_t start = 0, end = 0;  // code points in the comment
  double sentiment = 0;
};

struct Verbatim {
  std::int64_t response_id = 0;
  std::string date, period, band, segment, respondent, text;  // segment: the --segment value
  std::optional<int> score;
  std::vector<VerbatimMention> mentions;
};

struct VerbatimTheme {
  std::string id, parent, label_en, label_it;
  std::int64_t mentions = 0, shown = 0;  // a top-level theme's mentions in scope, and embedded
};

struct Verbatims {
  std::vector<VerbatimTheme>
      themes;                      // top-level themes by mentions, each followed by its subthemes
  std::vector<Verbatim> comments;  // newest first
};

Verbatims load_verbatims(SQLite::Database& db, const NpsReport& r,
                         std::int64_t per_theme = kVerbatimsPerTheme,
                         std::int64_t scanned = kVerbatimsScanned);

// {"themes": [[id, label, parent index or -1, mentions, shown]], "periods": [...],
//  "values": [...], "comments": [[date, period index, band index (0 promoter, 1 passive,
//  2 detractor, -1), score or null, value index or -1, id, text, [[theme index, start, end,
//  sign (-1, 0, 1)], ...]], ...]}: offsets in UTF-16 code units (JavaScript's), invalid UTF-8
// replaced, and every '<' written \u003c so that the document can sit in a <script> element.
std::string verbatims_json(const Verbatims& v, const NpsReport& r, const UiLabels& l);

}  // namespace ascolto

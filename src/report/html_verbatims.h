// The HTML report's "Comments by theme" section (issue 19, point 5): every top-level theme's
// comments (verbatims.h) embedded once as JSON in a <script type="application/json"> element
// and shown by a small inline script, 50 at a time, filtered in the browser by theme or subtheme,
// the mention's own sentiment, band, segment value, period and a word; each with its date,
// segment value, respondent id, band and score, the theme's matched words highlighted. Comment
// text only ever reaches the page as text nodes (never as markup), inside bidi isolation, so a
// hostile comment can neither inject markup nor reorder the page around it. No network.
//
//   out << verbatims_html(load_verbatims(db, r), r, ui_labels("en"));
#pragma once

#include <string>

#include "report/verbatims.h"

namespace ascolto {

std::string verbatims_html(const Verbatims& v, const NpsReport& r, const UiLabels& l);

extern const char* const kVerbatimStyle;

}  // namespace ascolto

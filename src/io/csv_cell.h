// One value written as a CSV cell that is safe to open in a spreadsheet: quoted when it holds the
// delimiter, a quote or a line end (RFC 4180), and neutralised with a leading apostrophe when it
// starts like a formula (= + - @, tab, CR), so "=HYPERLINK(...)" or "+cmd" from a survey comment
// is shown as text instead of being run (CSV injection). The database keeps the original text;
// only CSV output goes through here.
//
//   out << csv_cell("=HYPERLINK(\"http://x\")") << ',' << csv_cell("ciao, mondo") << "\r\n";
//   // '=HYPERLINK("http://x"),"ciao, mondo"   (the first cell quoted as needed)
#pragma once

#include <string>
#include <string_view>

namespace ascolto {

std::string csv_cell(std::string_view value, char delimiter = ',');

}  // namespace ascolto

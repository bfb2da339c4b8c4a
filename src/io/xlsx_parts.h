// The small parts of an .xlsx workbook, each read whole through expat (namespace-aware: names
// arrive as "uri|local"): the workbook (sheets, their relationship ids, the 1904 date base) and
// its relationships, the styles (which cell styles show dates) and the shared strings. Also the
// expat helpers the streamed sheet parser uses. See xlsx_reader.h.
//
//   xlsx::Workbook wb = xlsx::read_workbook(zip, "export.xlsx");
//   auto shared = xlsx::read_shared_strings(zip, "export.xlsx");
#pragma once

#include <expat.h>
#include <zip.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ascolto::xlsx {

constexpr std::size_t kChunk = 64 << 10;  // bytes inflated and parsed at a time

struct ParserFree {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};
using Parser = std::unique_ptr<XML_ParserStruct, ParserFree>;

// An element or attribute name without its namespace.
std::string_view local(const XML_Char* name);
// The value of attribute `name` (local name), or null.
const char* attribute(const XML_Char** atts, std::string_view name);
Parser make_parser(void* user, XML_StartElementHandler start, XML_EndElementHandler end,
                   XML_CharacterDataHandler chars);

struct Workbook {
  bool base_1904 = false;
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id, in order
  std::map<std::string, std::string> targets;               // relationship id -> part
};

// Throw InputError naming `file` when a part is not valid XML; a workbook without
// xl/workbook.xml is not an .xlsx. Styles and shared strings are optional parts.
Workbook read_workbook(zip_t* zip, const std::string& file);
// Per cell style index (cellXfs), whether its number format shows a date or time.
std::vector<bool> read_date_styles(zip_t* zip, const std::string& file);
std::vector<std::string> read_shared_strings(zip_t* zip, const std::string& file);

}  // namespace ascolto::xlsx

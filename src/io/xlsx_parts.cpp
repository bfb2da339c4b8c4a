#include "io/xlsx_parts.h"

#include <cstdlib>
#include <cstring>

#include "common/error.h"

namespace ascolto::xlsx {
namespace {

// Shared strings are kept whole (cells index them); a workbook needing more is refused.
constexpr std::size_t kMaxSharedStringBytes = std::size_t{1} << 30;

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Built-in number formats that show dates or times (ECMA-376 18.8.30, plus the East Asian ones).
bool builtin_date_format(long id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// A custom format shows a date when it has day, month-with-year or year codes outside quoted
// literals and [colour]/[$-410] sections; "0.0", "#,##0" and "General" have none.
bool custom_date_format(std::string_view code) {
  bool quoted = false, bracket = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') bracket = true;
    if (c == ']') bracket = false;
    if (bracket) continue;
    if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped or padding character
      continue;
    }
    if (c == 'd' || c == 'y' || c == 'h' || c == 's') return true;
  }
  return false;
}

struct Styles {
  std::map<long, bool> custom;  // numFmtId -> is a date format
  std::vector<bool> date_style;
  int in_cell_xfs = 0;
};

struct SharedStrings {
  std::vector<std::string> strings;
  std::string current;
  bool in_t = false;
  int in_phonetic = 0;
  std::size_t bytes = 0;
  std::string error;
  XML_Parser parser = nullptr;
};

// Reads a whole (small) part of the workbook through an expat parser. A missing optional part
// is no error; a missing required one is.
bool parse_part(zip_t* zip, const std::string& entry, XML_Parser parser, const std::string& file,
                const std::string* handler_error) {
  zip_file_t* f = zip_fopen(zip, entry.c_str(), 0);
  if (f == nullptr) return false;
  const std::unique_ptr<zip_file_t, ZipFileCloser> closer(f);
  std::string buf(kChunk, '\0');
  for (;;) {
    const zip_int64_t n = zip_fread(f, buf.data(), buf.size());
    if (n < 0) {
      throw InputError({file, 0, 0}, "xlsx part " + entry + " cannot be read: " +
                                         zip_error_strerror(zip_file_get_error(f)));
    }
    if (XML_Parse(parser, buf.data(), static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
      const std::string why = handler_error && !handler_error->empty()
                                  ? *handler_error
                                  : XML_ErrorString(XML_GetErrorCode(parser));
      throw InputError({file, 0, 0}, "xlsx part " + entry + " is not valid: " + why + " (line " +
                                         std::to_string(XML_GetCurrentLineNumber(parser)) + ")");
    }
    if (n == 0) return true;
  }
}

void XMLCALL workbook_start(void* user, const XML_Char* name, const XML_Char** atts) {
  auto& wb = *static_cast<Workbook*>(user);
  const std::string_view el = local(name);
  if (el == "workbookPr") {
    const char* v = attribute(atts, "date1904");
    wb.base_1904 = v && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
  } else if (el == "sheet") {
    const char* n = attribute(atts, "name");
    const char* id = attribute(atts, "id");
    wb.sheets.emplace_back(n ? n : "", id ? id : "");
  } else if (el == "Relationship") {
    const char* id = attribute(atts, "Id");
    const char* target = attribute(atts, "Target");
    if (id && target) wb.targets[id] = target;
  }
}
void XMLCALL no_end(void*, const XML_Char*) {}

void XMLCALL styles_start(void* user, const XML_Char* name, const XML_Char** atts) {
  auto& st = *static_cast<Styles*>(user);
  const std::string_view el = local(name);
  if (el == "numFmt") {
    const char* id = attribute(atts, "numFmtId");
    const char* code = attribute(atts, "formatCode");
    if (id && code) st.custom[std::strtol(id, nullptr, 10)] = custom_date_format(code);
  } else if (el == "cellXfs") {
    ++st.in_cell_xfs;
  } else if (el == "xf" && st.in_cell_xfs > 0) {
    const char* id = attribute(atts, "numFmtId");
    const long fmt = id ? std::strtol(id, nullptr, 10) : 0;
    const auto custom = st.custom.find(fmt);
    st.date_style.push_back(custom != st.custom.end() ? custom->second : builtin_date_format(fmt));
  }
}
void XMLCALL styles_end(void* user, const XML_Char* name) {
  auto& st = *static_cast<Styles*>(user);
  if (local(name) == "cellXfs" && st.in_cell_xfs > 0) --st.in_cell_xfs;
}

void XMLCALL shared_start(void* user, const XML_Char* name, const XML_Char**) {
  auto& ss = *static_cast<SharedStrings*>(user);
  const std::string_view el = local(name);
  if (el == "si") ss.current.clear();
  if (el == "rPh") ++ss.in_phonetic;
  if (el == "t") ss.in_t = true;
}
void XMLCALL shared_end(void* user, const XML_Char* name) {
  auto& ss = *static_cast<SharedStrings*>(user);
  const std::string_view el = local(name);
  if (el == "rPh" && ss.in_phonetic > 0) --ss.in_phonetic;
  if (el == "t") ss.in_t = false;
  if (el == "si") {
    ss.bytes += ss.current.size() + sizeof(std::string);
    if (ss.bytes > kMaxSharedStringBytes) {
      ss.error = "shared strings larger than 1 GiB";
      XML_StopParser(ss.parser, XML_FALSE);
    }
    ss.strings.push_back(std::move(ss.current));
    ss.current.clear();
  }
}
void XMLCALL shared_chars(void* user, const XML_Char* s, int len) {
  auto& ss = *static_cast<SharedStrings*>(user);
  if (ss.in_t && ss.in_phonetic == 0) ss.current.append(s, static_cast<std::size_t>(len));
}

}  // namespace

std::string_view local(const XML_Char* name) {
  const char* bar = std::strrchr(name, '|');
  return bar ? bar + 1 : name;
}

const char* attribute(const XML_Char** atts, std::string_view name) {
  for (std::size_t i = 0; atts[i] != nullptr; i += 2) {
    if (local(atts[i]) == name) return atts[i + 1];
  }
  return nullptr;
}

Parser make_parser(void* user, XML_StartElementHandler start, XML_EndElementHandler end,
                   XML_CharacterDataHandler chars) {
  Parser p(XML_ParserCreateNS(nullptr, '|'));
  if (!p) throw std::bad_alloc();
  XML_SetUserData(p.get(), user);
  XML_SetElementHandler(p.get(), start, end);
  if (chars) XML_SetCharacterDataHandler(p.get(), chars);
  return p;
}

Workbook read_workbook(zip_t* zip, const std::string& file) {
  Workbook wb;
  {
    Parser p = make_parser(&wb, workbook_start, no_end, nullptr);
    if (!parse_part(zip, "xl/workbook.xml", p.get(), file, nullptr)) {
      throw InputError({file, 0, 0},
                       "a zip archive without xl/workbook.xml: not an .xlsx workbook");
    }
  }
  Parser p = make_parser(&wb, workbook_start, no_end, nullptr);
  parse_part(zip, "xl/_rels/workbook.xml.rels", p.get(), file, nullptr);
  return wb;
}

std::vector<bool> read_date_styles(zip_t* zip, const std::string& file) {
  Styles st;
  Parser p = make_parser(&st, styles_start, styles_end, nullptr);
  parse_part(zip, "xl/styles.xml", p.get(), file, nullptr);
  return std::move(st.date_style);
}

std::vector<std::string> read_shared_strings(zip_t* zip, const std::string& file) {
  SharedStrings ss;
  Parser p = make_parser(&ss, shared_start, shared_end, shared_chars);
  ss.parser = p.get();
  parse_part(zip, "xl/sharedStrings.xml", p.get(), file, &ss.error);
  return std::move(ss.strings);
}

}  // namespace ascolto::xlsx

// Builds small .xlsx workbooks at test time: the XML parts are written by the test and zipped
// with libzip, so each test states exactly which cells, styles and bases the reader sees.
//
//   XlsxParts p; p.sheet("Risposte", "<row r=\"1\">...</row>");
//   const std::string path = p.write(dir / "t.xlsx");
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ascolto::testing {

class XlsxParts {
 public:
  // The workbook's sheets in order; `rows` is the inside of <sheetData>.
  XlsxParts& sheet(const std::string& name, const std::string& rows) {
    sheets_.emplace_back(name, rows);
    return *this;
  }
  XlsxParts& shared(std::vector<std::string> si) {  // the inside of each <si>
    shared_ = std::move(si);
    return *this;
  }
  XlsxParts& base_1904() {
    base_1904_ = true;
    return *this;
  }
  // The inside of <cellXfs> and <numFmts>.
  XlsxParts& styles(const std::string& xfs, const std::string& num_fmts = "") {
    xfs_ = xfs;
    num_fmts_ = num_fmts;
    return *this;
  }
  // Any other part, as is (e.g. "mimetype").
  XlsxParts& part(const std::string& name, const std::string& content) {
    extra_.emplace_back(name, content);
    return *this;
  }

  std::vector<std::pair<std::string, std::string>> parts() const {
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    const std::string rns =
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    std::vector<std::pair<std::string, std::string>> out = extra_;
    if (sheets_.empty()) return out;
    std::string wb = "<?xml version=\"1.0\"?><workbook " + ns + " " + rns + "><workbookPr" +
                     (base_1904_ ? " date1904=\"1\"" : "") + "/><sheets>";
    std::string rels =
        "<?xml version=\"1.0\"?><Relationships "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (std::size_t i = 0; i < sheets_.size(); ++i) {
      const std::string n = std::to_string(i + 1);
      wb +=
          "<sheet name=\"" + sheets_[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
      // The second sheet's target is absolute, as some writers put it.
      rels += "<Relationship Id=\"rId" + n + "\" Type=\"worksheet\" Target=\"" +
              (i == 1 ? "/xl/" : "") + "worksheets/sheet" + n + ".xml\"/>";
      out.emplace_back("xl/worksheets/sheet" + n + ".xml",
                       "<?xml version=\"1.0\"?><worksheet " + ns + "><sheetData>" +
                           sheets_[i].second + "</sheetData></worksheet>");
    }
    out.emplace_back("xl/workbook.xml", wb + "</sheets></workbook>");
    out.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
    std::string sst = "<?xml version=\"1.0\"?><sst " + ns + ">";
    for (const auto& si : shared_) sst += "<si>" + si + "</si>";
    out.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
    out.emplace_back("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + ns + "><numFmts>" +
                                          num_fmts_ + "</numFmts><cellXfs>" + xfs_ +
                                          "</cellXfs></styleSheet>");
    return out;
  }

  // Zips the parts into `path` and returns it.
  std::string write(const std::string& path) const {
    const auto all = parts();
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (z == nullptr) throw std::runtime_error("cannot create " + path);
    for (const auto& [name, content] : all) {
      zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
      if (src == nullptr || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
        if (src) zip_source_free(src);
        zip_discard(z);
        throw std::runtime_error("cannot add " + name);
      }
    }
    if (zip_close(z) != 0) {
      zip_discard(z);
      throw std::runtime_error("cannot write " + path);
    }
    return path;
  }

 private:
  std::vector<std::pair<std::string, std::string>> sheets_;
  std::vector<std::string> shared_;
  std::vector<std::pair<std::string, std::string>> extra_;
  std::string xfs_ = "<xf numFmtId=\"0\"/>", num_fmts_;
  bool base_1904_ = false;
};

// A survey workbook as an Italian team keeps it: ID, Data (date-styled serials), Voto, Negozio,
// Commento; shared, rich and inline strings, a formula's cached string, a missing cell (C3), a
// missing row (4) and an empty formatted row (6). A second sheet "Note" holds other data.
inline XlsxParts survey_workbook() {
  XlsxParts p;
  p.shared({"<t>ID</t>", "<t>Data</t>", "<t>Negozio</t>", "<t>Commento</t>", "<t>Verona</t>",
            "<r><t>Ottimo </t></r><r><rPr><b/></rPr><t>servizio</t></r><rPh><t>x</t></rPh>",
            "<t>Padova</t>"});
  p.styles("<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"2\"/>",
           "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\\ hh:mm\"/>");
  p.sheet("Risposte",
          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
          "<c r=\"C1\" t=\"inlineStr\"><is><t>Voto</t></is></c><c r=\"D1\" t=\"s\"><v>2</v></c>"
          "<c r=\"E1\" t=\"s\"><v>3</v></c></row>"
          "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>45758</v></c>"
          "<c r=\"C2\"><v>9</v></c><c r=\"D2\" t=\"s\"><v>4</v></c><c r=\"E2\" t=\"s\"><v>5</v></c>"
          "</row>"
          "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\" s=\"2\"><v>45759.75</v></c>"
          "<c r=\"D3\" t=\"s\"><v>6</v></c>"
          "<c r=\"E3\" t=\"inlineStr\"><is><t>Attesa &amp; prezzi alti</t></is></c></row>"
          "<row r=\"5\"><c r=\"A5\"><v>3</v></c><c r=\"B5\" s=\"1\"><v>45790</v></c>"
          "<c r=\"C5\" s=\"3\"><v>3</v></c><c r=\"D5\" t=\"s\"><v>4</v></c>"
          "<c r=\"E5\" t=\"str\"><f>CONCAT(\"Consegna \",\"lenta\")</f><v>Consegna lenta</v></c>"
          "</row>"
          "<row r=\"6\" ht=\"15\"><c r=\"A6\" s=\"1\"/></row>"
          "<row r=\"7\"><c r=\"A7\"><v>4</v></c><c r=\"B7\" s=\"1\"><v>45791</v></c>"
          "<c r=\"C7\"><v>10</v></c><c r=\"D7\" t=\"s\"><v>6</v></c>"
          "<c r=\"E7\" t=\"inlineStr\"><is><t>Tutto perfetto</t></is></c></row>");
  p.sheet("Note",
          "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>comment</t></is></c></row>"
          "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>nota</t></is></c></row>");
  return p;
}

}  // namespace ascolto::testing

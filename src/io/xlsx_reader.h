// Reads one worksheet of an Excel .xlsx workbook as records: the first non-empty row is the
// header, each later non-empty row a record. Cells are shared strings, inline strings, numbers
// (as Excel stores them: "9", "4.5"), booleans (TRUE/FALSE), errors (#N/A) and dates: a number
// whose cell style is a date format becomes "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (1900 or 1904
// base, as the workbook says). Missing cells (sparse r="C5" references) are empty fields.
// The zip container is read with libzip and the sheet's XML streamed through expat a chunk at a
// time, so memory holds the shared strings and a few rows, whatever the sheet's length.
//
//   XlsxReader r("export.xlsx", "");          // "" = the first sheet, else its name
//   RawRecord rec; while (r.next(rec)) use(r.header(), rec);
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "io/record.h"

namespace ascolto {

class XlsxReader : public RecordReader {
 public:
  // Throws InputError when the file is not a readable workbook or has no sheet `sheet`
  // (the message lists the sheets it has).
  XlsxReader(const std::string& path, const std::string& sheet,
             std::size_t max_field_bytes = 1 << 20);
  // The same from the bytes of a workbook (tests, fuzzing); `name` is used in messages.
  static std::unique_ptr<XlsxReader> from_bytes(std::string bytes, const std::string& name,
                                                const std::string& sheet,
                                                std::size_t max_field_bytes = 1 << 20);
  ~XlsxReader() override;
  XlsxReader(const XlsxReader&) = delete;
  XlsxReader& operator=(const XlsxReader&) = delete;

  const std::vector<std::string>& header() const override { return header_; }
  bool next(RawRecord& rec) override;
  std::string describe() const override;
  std::string input_hash() const override { return hash_; }

  const std::vector<std::string>& sheet_names() const { return sheet_names_; }

  struct State;  // libzip and expat handles, the sheet's parse state

 private:
  XlsxReader(std::string name, std::string bytes, const std::string& sheet,
             std::size_t max_field_bytes);
  void open(const std::string& sheet);
  // Parses sheet XML until a row is ready or the sheet ends; false at its end.
  bool fill();

  std::string name_;
  std::string bytes_;  // the workbook when read from memory (libzip reads it in place)
  std::unique_ptr<State> state_;
  std::vector<std::string> header_;
  std::vector<std::string> sheet_names_;
  std::string sheet_;
  std::string hash_;
  bool base_1904_ = false;
  std::size_t rows_ = 0;
};

}  // namespace ascolto

// What Ascolto would read from a file, without analysing anything: the detected format (with
// its delimiter and encoding, or the workbook's sheet), the header, the column mapping and its
// warnings, and the first rows as they would be stored (or why they would be rejected).
//
//   Inspection i = inspect_input("export.csv", reader_options, column_options);
//   std::cout << format_inspection(i);
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "io/column_mapping.h"
#include "io/input_row.h"
#include "io/open_reader.h"

namespace ascolto {

struct Inspection {
  std::string file;
  std::string format;  // "CSV, delimiter ';', windows-1252", "xlsx, sheet 'Risposte'"
  std::vector<std::string> header;
  ColumnMapping mapping;
  std::vector<std::variant<InputRow, RejectedRow>> rows;  // the first `rows` asked for
};

// Throws InputError when the file cannot be read or has no comment column (as analyze would).
Inspection inspect_input(const std::string& path, const ReaderOptions& reader,
                         const ColumnOptions& columns, std::size_t rows = 5);

// The inspection as text for a terminal: one field per line, then the sample rows (comments cut
// at 70 characters).
std::string format_inspection(const Inspection& inspection);

}  // namespace ascolto

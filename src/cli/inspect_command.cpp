#include "cli/inspect_command.h"

#include <boost/program_options.hpp>

#include <iostream>

#include "cli/shared_options.h"
#include "common/error.h"
#include "import/row_redaction.h"
#include "io/inspect.h"

namespace ascolto {

int run_inspect(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::vector<std::string> files;
  std::string format = "auto", delimiter, date_order = "auto";
  ReaderOptions reader;
  ColumnOptions columns;
  std::size_t rows = 5;
  bool keep_pii = false;
  po::options_description desc(
      "Usage: ascolto inspect FILE [options]\n\n"
      "Shows how analyze would read FILE: its format, encoding and delimiter (or sheet), the\n"
      "columns used for the comment, score, date, id, respondent and segments, warnings, and\n"
      "the first rows as they would be stored. Nothing is analysed or written.\n\n"
      "Options");
  desc.add_options()("help,h", "show this help")(
      "format", po::value(&format)->default_value("auto"), "auto, csv, tsv, jsonl, lines or xlsx")(
      "encoding", po::value(&reader.encoding), "input encoding (default: detected)")(
      "delimiter", po::value(&delimiter), "CSV delimiter: ',' ';' 'tab' (default: detected)")(
      "skip-rows", po::value(&reader.csv.skip_rows)->default_value(0),
      "extra header rows after the first")("sheet", po::value(&reader.sheet),
                                           ".xlsx sheet (default: the first)")(
      "text-col", po::value(&columns.text_col), "comment column")(
      "id-col", po::value(&columns.id_col), "response id column")(
      "respondent-col", po::value(&columns.respondent_col), "respondent column")(
      "score-col", po::value(&columns.score_col), "NPS score column")(
      "date-col", po::value(&columns.date_col), "date column")(
      "segment-col", po::value(&columns.segment_cols)->composing(),
      "segment column, or NAME=COL1,COL2 to merge columns (repeatable)")(
      "date-order", po::value(&date_order)->default_value("auto"), "auto, dmy or mdy")(
      "rows", po::value(&rows)->default_value(5), "sample rows to show")(
      "keep-pii", po::bool_switch(&keep_pii),
      "show the rows as written (default: redacted, as analyze stores them)");
  if (!parse_with_positional(args, desc, "file", files)) return 0;
  if (files.size() != 1) throw UsageError("give one FILE to inspect (see --help)");
  reader.format = parse_input_format(format, reader.csv);
  if (const char d = parse_delimiter_option(delimiter); d != 0) reader.csv.delimiter = d;
  set_date_order(columns, date_order);
  Inspection inspection = inspect_input(files[0], reader, columns, rows);
  // The rows as analyze would store them: personal data redacted in every field.
  const RowRedaction redaction(!keep_pii);
  for (auto& row : inspection.rows) {
    if (auto* ok = std::get_if<InputRow>(&row)) redaction.row(*ok);
    if (auto* bad = std::get_if<RejectedRow>(&row)) redaction.rejected(*bad);
  }
  std::cout << format_inspection(inspection);
  return 0;
}

}  // namespace ascolto

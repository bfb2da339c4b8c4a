#include "cli/split_command.h"

#include <boost/program_options.hpp>

#include <iostream>

#include "cli/shared_options.h"
#include "common/error.h"
#include "io/splitter.h"

namespace ascolto {

int run_split(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::vector<std::string> files;
  std::string format = "auto", delimiter, out_dir = "parts";
  ReaderOptions reader;
  long long parts = 0;  // signed, so that "-1" is refused, not wrapped
  po::options_description desc(
      "Usage: ascolto split FILE... --parts N [--out-dir DIR]\n\n"
      "Cuts each CSV/TSV, JSONL or plain-lines FILE into N parts at record boundaries (quoted\n"
      "line ends respected), each with the header, written in UTF-8 as DIR/NAME.part-K-of-N.EXT.\n"
      "DIR/.ascolto-split.json records where each part starts, so 'ascolto analyze PART' names,\n"
      "numbers and keys its rows as a run on FILE would. Prints the parts' paths.\n"
      "Workbooks are refused: save them as CSV first, or run 'analyze --part K/N' on them.\n\n"
      "Options");
  desc.add_options()("help,h", "show this help")("parts", po::value(&parts),
                                                 "number of parts (at most one per record)")(
      "out-dir", po::value(&out_dir)->default_value("parts"), "folder for the parts")(
      "format", po::value(&format)->default_value("auto"), "auto, csv, tsv, jsonl or lines")(
      "encoding", po::value(&reader.encoding), "input encoding (default: detected)")(
      "delimiter", po::value(&delimiter), "CSV delimiter: ',' ';' 'tab' (default: detected)")(
      "skip-rows", po::value(&reader.csv.skip_rows)->default_value(0),
      "extra header rows after the first, kept in every part")(
      "max-field-bytes", po::value(&reader.max_field_bytes)->default_value(1 << 20),
      "as for analyze: the longest JSONL line read whole");
  if (!parse_with_positional(args, desc, "file", files)) return 0;
  if (files.empty()) throw UsageError("no input files (see --help)");
  if (parts < 1 || parts > 100000) {
    throw UsageError("--parts must be between 1 and 100000 (got " + std::to_string(parts) + ")");
  }
  reader.format = parse_input_format(format, reader.csv);
  if (const char d = parse_delimiter_option(delimiter); d != 0) reader.csv.delimiter = d;
  for (const std::string& file : files) {
    const SplitResult result = split_file(file, reader, static_cast<std::size_t>(parts), out_dir);
    std::size_t records = 0;
    for (const SplitPart& part : result.parts) {
      std::cout << part.path << "\n";
      records += part.records;
    }
    std::cerr << "ascolto split: " << file << " (" << result.format << "): " << records
              << " records in " << result.parts.size() << " parts, " << result.header_lines
              << (result.header_lines == 1 ? " header line" : " header lines") << " in each\n";
  }
  std::cout.flush();
  if (!std::cout) throw OutputError("standard output: write failed");
  return 0;
}

}  // namespace ascolto

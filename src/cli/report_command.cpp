#include "cli/report_command.h"

#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>

#include "common/error.h"
#include "report/overview.h"
#include "store/schema.h"

namespace ascolto {

namespace po = boost::program_options;

int run_report(const std::vector<std::string>& args) {
  po::options_description desc(
      "Usage: ascolto report --db PATH [options]\n\n"
      "Prints the overall NPS with its bands, responses by language and sentiment, the share of\n"
      "comments no theme covers, and the top themes with volume and mean sentiment.\n\nOptions");
  std::string db_path;
  int top = 10;
  desc.add_options()("help,h", "show this help")("db", po::value(&db_path)->required(),
                                                 "SQLite database written by `ascolto analyze`")(
      "top", po::value(&top)->default_value(10), "how many themes to list");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(desc).run(), vm);
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }
  po::notify(vm);
  if (!std::filesystem::exists(db_path)) throw UsageError("database '" + db_path + "' not found");
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  if (schema_version(db) == 0) throw UsageError("'" + db_path + "' is not an Ascolto database");
  print_overview(load_overview(db, top), std::cout);
  return 0;
}

}  // namespace ascolto

#include "cli/report_command.h"

#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>

#include "cli/shared_options.h"
#include "common/error.h"
#include "report/overview.h"
#include "report/uncovered.h"
#include "store/schema.h"

namespace ascolto {

namespace po = boost::program_options;

int run_report(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto report --db PATH [options]\n\n"
      "Prints the overall NPS with its bands, responses by language and sentiment, the share of\n"
      "comments no theme covers, and the top themes with volume and mean sentiment.\n"
      "With --uncovered: the words and phrases most frequent in the comments no theme covers,\n"
      "per language, so the taxonomy can be extended where it misses.\n\nOptions");
  std::string db_path;
  int top = 10;
  bool uncovered = false;
  LexiconCliOptions lex_opt;
  desc.add_options()("help,h", "show this help")("db", po::value(&db_path)->required(),
                                                 "SQLite database written by `ascolto analyze`")(
      "top", po::value(&top)->default_value(10), "how many themes (or uncovered terms) to list")(
      "uncovered", po::bool_switch(&uncovered),
      "list the frequent words and phrases of comments with no theme")(
      "lexicons", po::value(&lex_opt.dir), "lexicon directory (stopwords, opinion words)");
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
  if (top < 1) throw UsageError("--top must be at least 1");
  if (uncovered) {
    const auto lex = load_from_options(lex_opt, argv0);
    print_uncovered(find_uncovered(db, *lex, static_cast<std::size_t>(top)), std::cout);
    return 0;
  }
  print_overview(load_overview(db, top), std::cout);
  return 0;
}

}  // namespace ascolto

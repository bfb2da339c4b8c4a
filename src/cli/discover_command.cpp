#include "cli/discover_command.h"

#include <SQLiteCpp/Database.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "cli/shared_options.h"
#include "common/error.h"
#include "report/discover.h"
#include "store/schema.h"

namespace ascolto {

namespace po = boost::program_options;

int run_discover(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto discover --db PATH [options]\n\n"
      "Groups the comments that got no theme into candidate themes, per language: the phrase or\n"
      "word most of them share, then the next, with the words found alongside, three example\n"
      "comments and lines to paste into lexicons/themes.tsv and lexicons/<lang>/themes.tsv.\n"
      "Deterministic; run it again after extending the taxonomy and re-analysing.\n\nOptions");
  std::string db_path;
  DiscoverOptions options;
  LexiconCliOptions lex_opt;
  desc.add_options()("help,h", "show this help")("db", po::value(&db_path)->required(),
                                                 "SQLite database written by `ascolto analyze`")(
      "top", po::value(&options.max_candidates)->default_value(15),
      "candidate themes per language, at most")("min-comments",
                                                po::value(&options.min_comments)->default_value(3),
                                                "comments a candidate must group, at least")(
      "lexicons", po::value(&lex_opt.dir), "lexicon directory (stopwords, opinion words, ids)")(
      "pack", po::value(&lex_opt.packs)->composing(), "packs whose theme ids are taken too");
  std::vector<std::string> positional;
  if (!parse_with_positional(args, desc, "arg", positional)) return 0;
  if (!positional.empty()) throw UsageError("unexpected argument '" + positional[0] + "'");
  if (options.min_comments < 1) throw UsageError("--min-comments must be at least 1");
  if (!std::filesystem::exists(db_path)) throw UsageError("database '" + db_path + "' not found");
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  if (schema_version(db) == 0) throw UsageError("'" + db_path + "' is not an Ascolto database");
  const auto lex = load_from_options(lex_opt, argv0);
  print_discovery(discover_themes(read_uncovered(db), *lex, options), std::cout);
  return 0;
}

}  // namespace ascolto

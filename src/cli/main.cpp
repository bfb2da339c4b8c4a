// ascolto: voice-of-customer analysis of survey exports. Dispatches subcommands; each parses
// its own options and calls the library. Exit codes: 0 ok, 1 bad input (rows rejected or a
// file unreadable), 2 usage error, 3 lexicon or database error, 4 output error (a write failed,
// or an output is an input or the database), 130 interrupted.
#include <SQLiteCpp/Exception.h>

#include <boost/program_options/errors.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "ascolto_config.h"
#include "cli/analyze_command.h"
#include "cli/discover_command.h"
#include "cli/eval_command.h"
#include "cli/explain_command.h"
#include "cli/inspect_command.h"
#include "cli/lexicon_command.h"
#include "cli/merge_command.h"
#include "cli/report_command.h"
#include "cli/split_command.h"
#include "common/error.h"

namespace {

constexpr const char* kUsage =
    "Usage: ascolto <command> [options]\n\n"
    "Commands:\n"
    "  analyze FILE...   analyse survey exports into SQLite (--db) and/or JSON lines (--out)\n"
    "  inspect FILE      show the format, columns and first rows analyze would read\n"
    "  report            NPS with intervals, trends, segments, theme drivers; --html, --format\n"
    "  explain \"TEXT\"    show how a comment is read: entries matched, rules applied, themes\n"
    "  eval --gold FILE  score the sentiment against a hand-labelled CSV\n"
    "  lexicon check     validate a lexicon directory and its packs\n"
    "  discover --db DB  candidate themes for the comments no theme covers\n"
    "  merge SHARD...    merge shard databases or JSON lines into one store (--db)\n"
    "  split FILE --parts N  cut a big export into parts for several machines\n\n"
    "Run 'ascolto <command> --help' for the options of a command.\n";

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty() || all[0] == "--help" || all[0] == "-h" || all[0] == "help") {
    std::cout << kUsage;
    return all.empty() ? 2 : 0;
  }
  if (all[0] == "--version") {
    std::cout << "ascolto " << ASCOLTO_VERSION << "\n";
    return 0;
  }
  const std::string command = all[0];
  const std::vector<std::string> args(all.begin() + 1, all.end());
  try {
    if (command == "analyze") return ascolto::run_analyze(args, argv[0]);
    if (command == "report") return ascolto::run_report(args, argv[0]);
    if (command == "explain") return ascolto::run_explain(args, argv[0]);
    if (command == "eval") return ascolto::run_eval(args, argv[0]);
    if (command == "lexicon") return ascolto::run_lexicon(args, argv[0]);
    if (command == "discover") return ascolto::run_discover(args, argv[0]);
    if (command == "inspect") return ascolto::run_inspect(args);
    if (command == "merge") return ascolto::run_merge(args);
    if (command == "split") return ascolto::run_split(args);
    std::cerr << "ascolto: unknown command '" << command << "'\n\n" << kUsage;
    return 2;
  } catch (const boost::program_options::error& e) {
    std::cerr << "ascolto " << command << ": " << e.what() << " (see --help)\n";
    return 2;
  } catch (const ascolto::UsageError& e) {
    std::cerr << "ascolto " << command << ": " << e.what() << "\n";
    return 2;
  } catch (const ascolto::OutputError& e) {
    std::cerr << "ascolto " << command << ": output error: " << e.what() << "\n";
    return 4;
  } catch (const ascolto::InputError& e) {
    std::cerr << "ascolto " << command << ": " << e.what() << "\n";
    return 1;
  } catch (const ascolto::AscoltoError& e) {
    std::cerr << "ascolto " << command << ": " << e.what() << "\n";
    return 3;
  } catch (const SQLite::Exception& e) {
    std::cerr << "ascolto " << command << ": database error: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    // Anything else (out of memory, a bug): said, not an abort.
    std::cerr << "ascolto " << command << ": error: " << e.what() << "\n";
    return 3;
  }
}

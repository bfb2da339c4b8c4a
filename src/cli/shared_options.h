// What the subcommands share: the lexicon options (which lexicons, packs, extra entries,
// language) and option parsing with positional arguments. One place, so analyze, explain, eval
// and lexicon read them the same way.
#pragma once

#include <boost/program_options.hpp>

#include <memory>
#include <string>
#include <vector>

#include "lexicon/lexicons.h"

namespace ascolto {

struct LexiconCliOptions {
  std::string dir;
  std::vector<std::string> packs;
  std::vector<std::string> extra;
  std::string lang = "auto";
};

void add_lexicon_options(boost::program_options::options_description& desc, LexiconCliOptions& o);

// Parses `args` against `desc`, collecting positional arguments into `positional`. Prints the
// help and returns false on --help; throws boost::program_options errors on bad options.
bool parse_with_positional(const std::vector<std::string>& args,
                           const boost::program_options::options_description& desc,
                           const char* name, std::vector<std::string>& positional);

// The lexicon directory the options name: --lexicons, else the shipped one.
std::string lexicon_dir(const LexiconCliOptions& o, const std::string& argv0);

// What --pack asks for: packs by name, packs recognised from the comments (`--pack auto`, also
// when no --pack is given), or none (`--pack none`). Throws UsageError when auto or none is
// mixed with other values.
enum class PackChoice { Named, Auto, None };
PackChoice pack_choice(const LexiconCliOptions& o);

// Loads the lexicons named by the options, with the packs named by --pack (none for auto or
// none) and then `detected` (what detect_packs chose for --pack auto). With `errors`, every
// invalid line is listed there instead of the first one throwing (LexiconOptions::errors).
std::unique_ptr<Lexicons> load_from_options(const LexiconCliOptions& o, const std::string& argv0,
                                            const std::vector<std::string>& detected = {},
                                            std::vector<LexiconError>* errors = nullptr);

}  // namespace ascolto

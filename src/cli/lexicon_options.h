// The options every command that analyses text shares: which lexicons, which packs, which
// language. One place, so analyze, explain and eval read them the same way.
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

// Loads the lexicons named by the options (the shipped ones by default).
std::unique_ptr<Lexicons> load_from_options(const LexiconCliOptions& o, const std::string& argv0);

}  // namespace ascolto

// `ascolto lexicon check [DIR]`: loads and validates a lexicon directory (and packs), then runs
// the theme example sentences. Exit 1 when an example fails, 3 on an invalid entry.
#pragma once

#include <string>
#include <vector>

namespace ascolto {

int run_lexicon(const std::vector<std::string>& args, const std::string& argv0);

}  // namespace ascolto

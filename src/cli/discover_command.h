// `ascolto discover --db PATH`: candidate themes for the comments no theme covers
// (report/discover.h).
#pragma once

#include <string>
#include <vector>

namespace ascolto {

int run_discover(const std::vector<std::string>& args, const std::string& argv0);

}  // namespace ascolto

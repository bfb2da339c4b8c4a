// `ascolto split FILE... --parts N [--out-dir DIR]`: cuts big text exports into N parts at record
// boundaries for analysis on several machines (io/splitter.h); prints the parts' paths, one a
// line, on standard output.
#pragma once

#include <string>
#include <vector>

namespace ascolto {

// Returns the exit code: 0 split, 1 unreadable input (via InputError), 2 usage error, 4 a part
// could not be written (via OutputError).
int run_split(const std::vector<std::string>& args);

}  // namespace ascolto

// `ascolto inspect FILE [options]`: prints what analyze would read from FILE (format, encoding,
// delimiter, column mapping, warnings, the first rows as stored) without analysing anything.
#pragma once

#include <string>
#include <vector>

namespace ascolto {

// Returns the exit code: 0 readable, 1 unreadable input (via InputError), 2 usage error.
int run_inspect(const std::vector<std::string>& args);

}  // namespace ascolto

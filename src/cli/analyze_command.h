// `ascolto analyze FILE... [--db PATH] [--out PATH|-]`: reads survey exports, analyses every
// comment on all cores, writes one JSON line per comment and/or stores everything in SQLite,
// and prints a summary (rows read = stored + rejected, with the reasons).
#pragma once

#include <string>
#include <vector>

namespace ascolto {

// Returns the process exit code: 0 all rows stored, 1 some input rejected, 2 usage error.
int run_analyze(const std::vector<std::string>& args, const std::string& argv0);

}  // namespace ascolto

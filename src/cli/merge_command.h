// `ascolto merge SHARD... --db ALL.db [--force]`: merges shard databases (from `analyze --db`)
// and JSON lines written with `analyze --out FILE --out-fields all` into one store, as if one
// machine had imported every part in the order given; prints one line per shard and a summary.
#pragma once

#include <string>
#include <vector>

namespace ascolto {

// Returns the exit code: 0 merged, 1 some rows rejected (by the shards' analyses or refused as
// duplicates or clashes here), 2 usage error, 3 refused shard or database error, 4 output error,
// 130 interrupted (the shards merged so far stay; run it again to complete).
int run_merge(const std::vector<std::string>& args);

}  // namespace ascolto

// JSON lines written by `analyze --out FILE --out-fields all` (sinks.h: a run header, every
// comment with its input fields, the rejects, a run end; several runs may follow one another)
// turned back into a shard database, so that `ascolto merge` stores them as it stores a shard an
// `analyze --db` wrote, without analysing again. The rows go through the store's own writer, so
// the stored rows, hashes, field problems and counts are those the analysis would have stored;
// each run keeps the start, host and process its header names.
//
//   if (!is_sqlite_file(path)) jsonl_to_shard(path, "/tmp/part-1.db");
#pragma once

#include <string>

namespace ascolto {

// Whether `path` starts like an SQLite database file.
bool is_sqlite_file(const std::string& path);

// Writes the runs of the JSON lines at `jsonl` into a new database at `shard`. A file whose first
// line is not a run header (JSON lines of the analysis only) or a malformed line throws
// InputError naming the file and line. The shard's settings hold the pseudonym keys' fingerprints
// as `pseudonym_key_fingerprint` (the keys themselves are never written out).
void jsonl_to_shard(const std::string& jsonl, const std::string& shard);

}  // namespace ascolto

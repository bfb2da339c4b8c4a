// Merging shards into one store: databases that `ascolto analyze --db shard-N.db` wrote on other
// machines (or from other parts of an export) become one database, as if one machine had
// imported every part in the order the shards are given. One transaction per shard (ATTACH, then
// INSERT ... SELECT with the ids remapped), so a merge stopped at any point (Ctrl-C, SIGKILL,
// power loss) leaves the target as it was after the last whole shard, and running it again
// completes it.
//
// What a shard brings, and how it lands:
// - its runs, copied with `merged_from` set to the shard's name; a run already copied (same
//   started_at, host, pid, tool version, lexicons) is not copied again;
// - its responses, keyed by source_key exactly as a re-import: a new key is appended (ids follow
//   on, so shards merged in input order get the ids a single import gives), an unchanged row is
//   left alone, a changed row is replaced with its segments and mentions; a key another shard of
//   the same merge brought first is a duplicate, and an id stored from another file with other
//   content is a clash: both refused into `rejects` (under the shard's run) and not stored;
// - its rejects, with the run they belong to (copied once, with that run);
// - its themes, and its pseudonym key when the target has none.
// Shards analysed with other lexicons, another Ascolto version or other options than the target
// (or, for an empty target, than the first shard), at another schema version, or whose ids were
// pseudonymized with another key are refused before anything is written (MergeRefused, naming
// both values) unless `force` (a shard of an older schema is then merged from an upgraded copy,
// upgraded_copy); a shard with an analysis still running is refused unless `force` (its runs are
// then copied as interrupted). A newer schema is refused always.
//
//   ShardMerger merger("all.db", {.force = false});
//   merger.check({{"shard-1.db", "shard-1.db"}, {"shard-2.db", "shard-2.db"}});   // or throws
//   for (const MergeSource& s : sources) merger.merge(s);
//   merger.finish();   // the indexes an empty target dropped, as after an import
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"

namespace ascolto {

// A shard that may not be merged (mismatched lexicons, version, options, schema, key).
class MergeRefused : public StoreError {
 public:
  using StoreError::StoreError;
};

struct MergeSource {
  std::string path;  // the SQLite file to read
  std::string name;  // how runs.merged_from and messages name it (e.g. the JSON lines it came from)
};

struct MergeOptions {
  bool force = false;
  // The pseudonym key the shards were made with (merge --pseudonym-key): the target adopts it;
  // JSON lines carry only its fingerprint. Empty: the target's, else the first shard's.
  std::string key_hex;
  int busy_ms = 5000;
};

struct ShardCounts {
  std::string name;
  std::int64_t runs_copied = 0;
  std::int64_t added = 0, updated = 0, unchanged = 0;
  std::int64_t refused = 0;         // duplicates and clashes, newly recorded in rejects
  std::int64_t rejects_copied = 0;  // the shard's own rejects, copied with their runs
  std::int64_t rejected_rows = 0;   // rows (severity row/file) the shard's analysis rejected
};

class ShardMerger {
 public:
  // Opens (creates, upgrades) the target database as the importer does.
  ShardMerger(const std::string& target, MergeOptions options);
  ~ShardMerger();

  // Reads every source's versions and settings and throws MergeRefused for the first that may
  // not be merged; InputError for a source that is no readable ascolto database, UsageError for
  // one given twice.
  void check(const std::vector<MergeSource>& sources);
  // Merges one shard in one transaction (check() first). Ctrl-C (interrupt.h) stops a long
  // statement and rolls the shard back: returns false; true when merged.
  bool merge(const MergeSource& source, ShardCounts& counts);
  // Builds the indexes an empty target dropped (Ctrl-C leaves them to the next open); false when
  // interrupted.
  bool finish();

  SQLite::Database& db() { return db_; }

 private:
  void attach(const MergeSource& source);
  void detach();
  void copy_runs(const MergeSource& source, ShardCounts& counts);
  void map_responses(ShardCounts& counts);
  void refuse_rows(ShardCounts& counts);
  void write_responses();
  void copy_rejects(ShardCounts& counts);
  void take_settings();

  std::string target_;
  MergeOptions options_;
  SQLite::Database db_;
  std::string key_;  // the pseudonym key the merged ids are made with (check() chooses it)
  std::string key_fingerprint_;  // its fingerprint (known alone for JSON lines)
  bool bulk_ = false;  // the target was empty: its deferred indexes are dropped until finish()
};

// The schema version of the database at `path` (0 for a file that is not one).
int schema_version_of(const std::string& path);

// Writes a copy of the database at `shard` to `copy` (a consistent snapshot, VACUUM INTO) and
// brings the copy to this schema version, so that a shard made by an older ascolto can be merged
// (--force); the shard itself is left as it is.
void upgraded_copy(const std::string& shard, const std::string& copy);

}  // namespace ascolto

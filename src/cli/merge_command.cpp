#include "cli/merge_command.h"

#include <unistd.h>
#include <boost/program_options.hpp>

#include <filesystem>
#include <iostream>

#include "cli/shared_options.h"
#include "common/error.h"
#include "common/interrupt.h"
#include "import/jsonl_shard.h"
#include "import/output_paths.h"
#include "store/merge.h"
#include "store/schema.h"

namespace ascolto {
namespace {

namespace fs = std::filesystem;

constexpr int kExitInterrupted = 130;

// The databases made from JSON lines for the merge, next to the target, removed when done.
class TemporaryShards {
 public:
  explicit TemporaryShards(const std::string& target) : target_(target) {}
  ~TemporaryShards() {
    for (const std::string& path : paths_) {
      std::error_code ec;
      for (const char* ext : {"", "-wal", "-shm", "-journal"}) fs::remove(path + ext, ec);
    }
  }
  std::string next() {
    paths_.push_back(target_ + ".merge-" + std::to_string(getpid()) + "-" +
                     std::to_string(paths_.size() + 1) + ".db");
    return paths_.back();
  }

 private:
  std::string target_;
  std::vector<std::string> paths_;
};

}  // namespace

int run_merge(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::vector<std::string> inputs;
  std::string db, key_file;
  bool force = false;
  po::options_description desc(
      "Usage: ascolto merge SHARD... --db PATH [--force] [--pseudonym-key FILE]\n\n"
      "Merges shards into one store, as if one machine had imported every part in the order\n"
      "given: databases written by `analyze --db` and JSON lines written by `analyze --out FILE\n"
      "--out-fields all`. Responses, segments, mentions, runs and rejects are copied with their\n"
      "ids remapped; merging again adds nothing, a shard whose rows changed updates them.\n"
      "Shards analysed with other lexicons, another ascolto or schema version, other options or\n"
      "another pseudonym key are refused, unless --force.\n\n"
      "Options");
  desc.add_options()("help,h", "show this help")("db", po::value(&db),
                                                 "SQLite database to create or update")(
      "force", po::bool_switch(&force),
      "merge shards whose lexicons, version, options or pseudonym key differ, and shards with an "
      "unfinished analysis")(
      "pseudonym-key", po::value(&key_file),
      "file with the key the parts' ids were pseudonymized with (analyze --pseudonym-key): the "
      "store keeps it; needed for JSON lines, which name the key by its fingerprint only");
  if (!parse_with_positional(args, desc, "shard", inputs)) return 0;
  if (inputs.empty()) throw UsageError("no shards to merge (see --help)");
  if (db.empty()) throw UsageError("give the store to merge into with --db PATH");
  for (const std::string& input : inputs) {
    if (input == "-") throw UsageError("merge reads files, not standard input");
    if (!fs::exists(input)) throw InputError({input, 0, 0}, "no such file");
  }
  refuse_clobbering(inputs, db, "");

  const InterruptGuard interrupt_guard;
  TemporaryShards temporary(db);
  std::vector<MergeSource> sources;
  for (const std::string& input : inputs) {
    if (is_sqlite_file(input)) {
      const int version = schema_version_of(input);
      if (force && version > 0 && version < kSchemaVersion) {
        // Made by an older ascolto: merged from an upgraded copy, the shard left as it is.
        const std::string copy = temporary.next();
        upgraded_copy(input, copy);
        sources.push_back({copy, input});
      } else {
        sources.push_back({input, input});
      }
      continue;
    }
    const std::string shard = temporary.next();
    jsonl_to_shard(input, shard);
    sources.push_back({shard, input});
    if (interrupt_requested()) return kExitInterrupted;
  }

  MergeOptions options;
  options.force = force;
  options.key_hex = read_pseudonym_key(key_file);
  ShardMerger merger(db, options);
  merger.check(sources);
  ShardCounts total;
  bool interrupted = false;
  for (const MergeSource& source : sources) {
    ShardCounts counts;
    if (interrupt_requested() || !merger.merge(source, counts)) {
      interrupted = true;
      break;
    }
    std::cerr << "ascolto merge: " << source.name << ": " << counts.added << " new, "
              << counts.updated << " updated, " << counts.unchanged << " unchanged";
    if (counts.refused > 0) std::cerr << ", " << counts.refused << " refused";
    std::cerr << "; " << counts.runs_copied << (counts.runs_copied == 1 ? " run, " : " runs, ")
              << counts.rejects_copied << " rejects copied\n";
    total.added += counts.added;
    total.updated += counts.updated;
    total.unchanged += counts.unchanged;
    total.refused += counts.refused;
    total.rejected_rows += counts.rejected_rows;
  }
  if (!interrupted) interrupted = !merger.finish();
  if (interrupted) {
    std::cerr << "ascolto merge: interrupted; the shards merged so far are stored, run the same "
                 "command again to complete\n";
    return kExitInterrupted;
  }
  std::cerr << "ascolto merge: " << sources.size() << (sources.size() == 1 ? " shard" : " shards")
            << " into " << db << ": " << total.added << " new, " << total.updated << " updated, "
            << total.unchanged << " unchanged, " << total.refused << " refused\n";
  if (total.rejected_rows > 0) {
    std::cerr << "  the shards hold " << total.rejected_rows
              << " rejected rows (table rejects, with their source)\n";
  }
  return (total.refused > 0 || total.rejected_rows > 0) ? 1 : 0;
}

}  // namespace ascolto

#include "store/merge.h"

#include "store/response_themes.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string_view>

#include "common/interrupt.h"
#include "store/pseudonym_settings.h"
#include "store/schema.h"

namespace ascolto {
namespace {

// Response actions, as temp.rmap holds them.
enum Action { kNew = 0, kUnchanged = 1, kChanged = 2, kDuplicate = 3, kClash = 4 };

// The columns a response carries from a shard (all but id and source_key), in one order for the
// INSERT and the UPDATE; run_id is remapped.
constexpr const char* kResponseColumns =
    "content_hash, run_id, source_file, source_line, respondent_id, response_date, score, band, "
    "lang, text, sentences, sentiment, label, churn_intent, repeat_contact, recommendation, "
    "source_id, input_hash";
constexpr const char* kShardResponseValues =
    "s.content_hash, rm.id, s.source_file, s.source_line, s.respondent_id, s.response_date, "
    "s.score, s.band, s.lang, s.text, s.sentences, s.sentiment, s.label, s.churn_intent, "
    "s.repeat_contact, s.recommendation, s.source_id, s.input_hash";

// A path as an SQLite URI with its open mode ("file:...?mode=ro"): never created.
std::string shard_uri(const std::string& path, const char* mode) {
  std::string uri = "file:";
  for (const unsigned char c : path) {
    if (std::isalnum(c) ||
        std::string_view("/-_.~").find(static_cast<char>(c)) != std::string_view::npos) {
      uri += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      uri += buf;
    }
  }
  return uri + "?mode=" + mode;
}

// The options of a run that change results: all but the evidence of --pack auto.
std::string result_options(const std::string& options_json) {
  nlohmann::json options = nlohmann::json::parse(options_json, nullptr, false);
  if (options.is_discarded() || !options.is_object()) return options_json;
  options.erase("pack_detection");
  return options.dump();
}

// What a store's rows were analysed with.
struct Analysis {
  std::string lexicon_hash, tool_version, options;
  bool operator==(const Analysis&) const = default;
};

// The analyses of the responses a store holds (the runs that last wrote them); its latest run's
// when it holds none.
std::vector<Analysis> analyses_of(SQLite::Database& db, const std::string& schema) {
  std::vector<Analysis> out;
  for (const char* where : {"WHERE id IN (SELECT DISTINCT run_id FROM {s}.responses)",
                            "WHERE id = (SELECT max(id) FROM {s}.runs)"}) {
    std::string sql = "SELECT lexicon_hash, tool_version, options FROM {s}.runs " +
                      std::string(where) + " ORDER BY id";
    for (std::size_t p; (p = sql.find("{s}")) != std::string::npos;) sql.replace(p, 3, schema);
    SQLite::Statement st(db, sql);
    while (st.executeStep()) {
      Analysis a{st.getColumn(0).getString(), st.getColumn(1).getString(),
                 result_options(st.getColumn(2).getString())};
      if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(std::move(a));
    }
    if (!out.empty()) break;
  }
  return out;
}

std::string describe(const Analysis& a) {
  return "lexicons " + a.lexicon_hash.substr(0, 12) + ", ascolto " + a.tool_version + ", options " +
         a.options;
}

// Whether `schema` holds ids with a pseudonym "[KIND:16 hex]" in them.
bool has_pseudonyms(SQLite::Database& db, const std::string& schema) {
  return db.execAndGet("SELECT EXISTS (SELECT 1 FROM " + schema +
                       ".responses WHERE source_id LIKE '%[%:%]%' OR respondent_id LIKE "
                       "'%[%:%]%')")
             .getInt() == 1;
}

// The base name of a path in SQL (the part after the last '/').
std::string sql_base_name(const std::string& column) {
  return "substr(" + column + ", length(rtrim(" + column + ", replace(" + column +
         ", '/', ''))) + 1)";
}

extern "C" int merge_stop_on_interrupt(void*) {
  return interrupt_requested() ? 1 : 0;
}

// Runs `f`, turning a SQLite failure into our errors naming the target.
template <class F>
auto guarded(const std::string& path, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xFF;
    if (code == SQLITE_FULL) throw OutputError(path + ": the disk is full (" + e.what() + ")");
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
      throw StoreError(path +
                       ": the database is locked: an import or merge is running on it; try "
                       "again when it has finished");
    }
    throw StoreError(path + ": " + e.what());
  }
}

SQLite::Database open_target(const std::string& path, int busy_ms) {
  return guarded(path, [&] {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_URI |
                                  SQLite::OPEN_NOMUTEX);
    db.setBusyTimeout(busy_ms);
    return db;
  });
}

}  // namespace

int schema_version_of(const std::string& path) {
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return schema_version(db);
  } catch (const SQLite::Exception&) {
    return 0;
  }
}

void upgraded_copy(const std::string& shard, const std::string& copy) {
  guarded(copy, [&] {
    {
      SQLite::Database source(shard, SQLite::OPEN_READONLY);
      SQLite::Statement vacuum(source, "VACUUM INTO ?");
      vacuum.bind(1, copy);
      vacuum.exec();
    }
    SQLite::Database upgraded(copy, SQLite::OPEN_READWRITE);
    migrate(upgraded);
  });
}

ShardMerger::ShardMerger(const std::string& target, MergeOptions options)
    : target_(target), options_(options), db_(open_target(target, options.busy_ms)) {
  guarded(target_, [&] {
    configure_writer(db_);
    migrate(db_);
    create_deferred_indexes(db_);
    // Keys of the target that a shard of this merge brought: a later shard's row under one of
    // them is a duplicate, as in a single run.
    db_.exec("CREATE TEMP TABLE claimed (id INTEGER PRIMARY KEY)");
    db_.exec(
        "CREATE TEMP TABLE run_map (sid INTEGER PRIMARY KEY, id INTEGER NOT NULL, "
        "copied INTEGER NOT NULL)");
    db_.exec(
        "CREATE TEMP TABLE rmap (sid INTEGER PRIMARY KEY, id INTEGER, action INTEGER NOT "
        "NULL)");
    db_.exec("CREATE TEMP TABLE refused (file TEXT, line INTEGER, PRIMARY KEY (file, line))");
  });
}

ShardMerger::~ShardMerger() = default;

void ShardMerger::attach(const MergeSource& source) {
  // Read-write when the file allows it, though nothing is written to it: the last connection to
  // close a WAL database removes its -wal and -shm files, which a read-only one leaves behind.
  std::string error;
  for (const char* mode : {"rw", "ro"}) {
    SQLite::Statement st(db_, "ATTACH DATABASE ? AS shard");
    st.bind(1, shard_uri(source.path, mode));
    try {
      st.exec();
      db_.execAndGet("SELECT count(*) FROM shard.sqlite_master");
      return;
    } catch (const SQLite::Exception& e) {
      error = e.what();
      try {
        db_.exec("DETACH DATABASE shard");
      } catch (const SQLite::Exception&) {
      }
    }
  }
  throw InputError({source.name, 0, 0}, "cannot be read as an ascolto database: " + error);
}

void ShardMerger::detach() {
  db_.exec("DETACH DATABASE shard");
}

void ShardMerger::check(const std::vector<MergeSource>& sources) {
  guarded(target_, [&] {
    std::optional<std::vector<Analysis>> reference;
    std::string reference_name = target_;
    if (db_.execAndGet("SELECT EXISTS (SELECT 1 FROM main.responses)").getInt() == 1)
      reference = analyses_of(db_, "main");
    // The key the merged ids are made with: the target's, else that of the first shard with
    // pseudonyms in its ids, else the first shard's.
    if (!options_.key_hex.empty()) adopt_pseudonym_key(db_, options_.key_hex);
    std::string key = options_.key_hex.empty() ? stored_pseudonym_key(db_) : options_.key_hex;
    std::string key_name = options_.key_hex.empty() ? target_ : "--pseudonym-key";
    std::string fp = options_.key_hex.empty() ? key_fingerprint_of(db_, "main")
                                              : key_fingerprint(options_.key_hex);
    bool key_fixed = !fp.empty();
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const MergeSource& source = sources[i];
      for (std::size_t j = 0; j < i; ++j) {
        std::error_code ec;
        if (std::filesystem::equivalent(sources[j].path, source.path, ec)) {
          throw UsageError(source.name + " is given twice (as " + sources[j].name +
                           "): each shard is merged once");
        }
      }
      attach(source);
      const struct Detach {
        ShardMerger& m;
        ~Detach() { m.detach(); }
      } detach_at_end{*this};
      if (db_.execAndGet("SELECT count(*) FROM shard.sqlite_master WHERE type = 'table' AND name "
                         "IN ('runs', 'responses')")
              .getInt() != 2) {
        throw InputError({source.name, 0, 0}, "is not an ascolto database (no runs or responses)");
      }
      const int version = db_.execAndGet("PRAGMA shard.user_version").getInt();
      if (version != kSchemaVersion) {
        throw MergeRefused(
            source.name + ": its schema version is " + std::to_string(version) + ", " + target_ +
            "'s is " + std::to_string(kSchemaVersion) + " (this ascolto's); " +
            (version > kSchemaVersion ? "upgrade ascolto to merge it"
                                      : "open it once with this ascolto (e.g. `ascolto report --db "
                                        "SHARD`) to upgrade it, then merge"));
      }
      const auto running =
          db_.execAndGet("SELECT count(*) FROM shard.runs WHERE status = 'running'").getInt();
      if (running > 0 && !options_.force) {
        throw MergeRefused(source.name +
                           ": an analysis in it is still running, or was killed before it "
                           "finished (status 'running'); re-run it to completion, or pass "
                           "--force to merge what it stored");
      }
      const std::vector<Analysis> analyses = analyses_of(db_, "shard");
      if (!reference) {
        reference = analyses;
        reference_name = source.name;
      }
      for (const Analysis& a : analyses) {
        if (options_.force || reference->empty() ||
            std::find(reference->begin(), reference->end(), a) != reference->end()) {
          continue;
        }
        const Analysis& r = reference->front();
        const char* what = a.lexicon_hash != r.lexicon_hash   ? "lexicons"
                           : a.tool_version != r.tool_version ? "ascolto version"
                                                              : "options";
        throw MergeRefused(source.name + " was analysed with other " + what + " than " +
                           reference_name + ": " + describe(a) + " against " + describe(r) +
                           "; analyse every part with the same ascolto, lexicons and --pack "
                           "(or pass --force to merge anyway)");
      }
      const std::string shard_key = stored_pseudonym_key(db_, "shard");
      const std::string shard_fp = key_fingerprint_of(db_, "shard");
      const bool pseudonyms = has_pseudonyms(db_, "shard");
      if (!key_fixed && !shard_fp.empty() && (fp.empty() || pseudonyms)) {
        key = shard_key;
        fp = shard_fp;
        key_name = source.name;
        key_fixed = pseudonyms;
      } else if (pseudonyms && shard_fp != fp && !options_.force) {
        throw MergeRefused(source.name + ": its ids were pseudonymized with another key (" +
                           (shard_fp.empty() ? std::string("unknown") : shard_fp) + ") than " +
                           key_name + "'s (" + fp +
                           "): one person would have two ids; analyse every part with the same "
                           "--pseudonym-key FILE (or pass --force to merge anyway)");
      }
    }
    key_ = key;
    key_fingerprint_ = fp;
  });
}

bool ShardMerger::merge(const MergeSource& source, ShardCounts& counts) {
  counts.name = source.name;
  return guarded(target_, [&] {
    attach(source);
    sqlite3_progress_handler(db_.getHandle(), 1000, merge_stop_on_interrupt, nullptr);
    bool done = false;
    try {
      SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
      if (db_.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM main.responses)").getInt() == 1) {
        drop_deferred_indexes(db_);  // one sort per index at finish() instead of a B-tree insert
        bulk_ = true;
      }
      db_.exec("DELETE FROM temp.run_map; DELETE FROM temp.rmap; DELETE FROM temp.refused");
      copy_runs(source, counts);
      take_settings();
      map_responses(counts);
      refuse_rows(counts);
      write_responses();
      copy_rejects(counts);
      db_.exec("INSERT OR IGNORE INTO temp.claimed SELECT id FROM temp.rmap WHERE action IN (" +
               std::to_string(kNew) + ", " + std::to_string(kUnchanged) + ", " +
               std::to_string(kChanged) + ")");
      tx.commit();
      done = true;
    } catch (const SQLite::Exception& e) {
      sqlite3_progress_handler(db_.getHandle(), 0, nullptr, nullptr);
      detach();
      if ((e.getErrorCode() & 0xFF) == SQLITE_INTERRUPT) return false;
      throw;
    }
    sqlite3_progress_handler(db_.getHandle(), 0, nullptr, nullptr);
    detach();
    return done;
  });
}

void ShardMerger::copy_runs(const MergeSource& source, ShardCounts& counts) {
  // A run's identity across copies: everything about it that no merge changes (rows_new and
  // rows_rejected move when a merge refuses a row).
  constexpr const char* kIdentity[] = {"started_at",   "finished_at",  "host",          "pid",
                                       "tool_version", "lexicon_hash", "inputs",        "options",
                                       "rows_read",    "rows_updated", "rows_unchanged"};
  constexpr int kColumns = static_cast<int>(std::size(kIdentity));
  std::string columns, match;
  for (int i = 0; i < kColumns; ++i) {
    columns += std::string(", ") + kIdentity[i];
    match += std::string(i == 0 ? "" : " AND ") + kIdentity[i] + " IS ?" + std::to_string(i + 1);
  }
  SQLite::Statement runs(db_, "SELECT id" + columns + " FROM shard.runs ORDER BY id");
  SQLite::Statement find(db_, "SELECT id FROM main.runs WHERE " + match + " ORDER BY id LIMIT 1");
  SQLite::Statement copy(
      db_,
      "INSERT INTO main.runs (started_at, finished_at, status, tool_version, inputs, "
      "lexicon_hash, options, rows_read, rows_new, rows_updated, rows_unchanged, rows_rejected, "
      "pii_redactions, pid, host, merged_from) "
      "SELECT started_at, finished_at, CASE status WHEN 'running' THEN 'interrupted' ELSE status "
      "END, tool_version, inputs, lexicon_hash, options, rows_read, rows_new, rows_updated, "
      "rows_unchanged, rows_rejected, pii_redactions, pid, host, coalesce(merged_from, ?2) "
      "FROM shard.runs WHERE id = ?1");
  SQLite::Statement map(db_, "INSERT INTO temp.run_map (sid, id, copied) VALUES (?, ?, ?)");
  while (runs.executeStep()) {
    const std::int64_t sid = runs.getColumn(0).getInt64();
    for (int i = 1; i <= kColumns; ++i) {
      const SQLite::Column value = runs.getColumn(i);
      if (value.isNull()) {
        find.bind(i);
      } else if (value.isInteger()) {
        find.bind(i, value.getInt64());
      } else {
        find.bind(i, value.getString());
      }
    }
    std::int64_t id = 0;
    bool copied = false;
    if (find.executeStep()) {
      id = find.getColumn(0).getInt64();
    } else {
      copy.bind(1, sid);
      copy.bind(2, source.name);
      copy.exec();
      copy.reset();
      id = db_.getLastInsertRowid();
      copied = true;
      ++counts.runs_copied;
    }
    find.reset();
    map.bind(1, sid);
    map.bind(2, id);
    map.bind(3, copied ? 1 : 0);
    map.exec();
    map.reset();
  }
}

void ShardMerger::take_settings() {
  if (db_.execAndGet("SELECT EXISTS (SELECT 1 FROM shard.themes)").getInt() == 1) {
    db_.exec("DELETE FROM main.themes");
    db_.exec(
        "INSERT INTO main.themes (id, parent, label_en, label_it) SELECT id, parent, "
        "label_en, label_it FROM shard.themes");
  }
  if (!key_.empty() && stored_pseudonym_key(db_).empty()) {
    adopt_pseudonym_key(db_, key_);
  } else if (key_.empty() && !key_fingerprint_.empty() && key_fingerprint_of(db_, "main").empty()) {
    // Ids from JSON lines: the key stays with whoever made them, its fingerprint is kept so that
    // later merges and imports into this store are checked against it.
    SQLite::Statement put(db_,
                          "INSERT INTO settings (name, value) VALUES "
                          "('pseudonym_key_fingerprint', ?)");
    put.bind(1, key_fingerprint_);
    put.exec();
  }
}

void ShardMerger::map_responses(ShardCounts& counts) {
  const std::int64_t base =
      db_.execAndGet("SELECT coalesce(max(id), 0) FROM main.responses").getInt64();
  // New keys get the ids one INSERT per row would give (max + 1, in the shard's order).
  SQLite::Statement map(
      db_,
      "INSERT INTO temp.rmap (sid, id, action) "
      "SELECT sid, CASE WHEN action = 0 THEN ?1 + sum(action = 0) OVER (ORDER BY sid ROWS "
      "UNBOUNDED PRECEDING) ELSE tid END, action FROM ("
      "SELECT s.id AS sid, t.id AS tid, CASE "
      "WHEN t.id IS NULL THEN 0 "
      "WHEN EXISTS (SELECT 1 FROM temp.claimed c WHERE c.id = t.id) THEN 3 "
      "WHEN t.content_hash = s.content_hash THEN 1 "
      "WHEN t.input_hash IS NOT NULL AND t.input_hash IS NOT s.input_hash AND " +
          sql_base_name("t.source_file") + " <> " + sql_base_name("s.source_file") +
          " THEN 4 ELSE 2 END AS action "
          "FROM shard.responses s LEFT JOIN main.responses t ON t.source_key = s.source_key)");
  map.bind(1, base);
  map.exec();
  SQLite::Statement tally(db_, "SELECT action, count(*) FROM temp.rmap GROUP BY action");
  while (tally.executeStep()) {
    const std::int64_t n = tally.getColumn(1).getInt64();
    switch (tally.getColumn(0).getInt()) {
      case kNew:
        counts.added += n;
        break;
      case kUnchanged:
        counts.unchanged += n;
        break;
      case kChanged:
        counts.updated += n;
        break;
      default:
        break;  // refused: counted when recorded
    }
  }
}

void ShardMerger::refuse_rows(ShardCounts& counts) {
  SQLite::Statement rows(
      db_,
      "SELECT m.action, s.source_id, s.source_key, s.source_file, s.source_line, s.text, rm.id, "
      "t.source_file, t.source_line FROM temp.rmap m JOIN shard.responses s ON s.id = m.sid "
      "JOIN temp.run_map rm ON rm.sid = s.run_id JOIN main.responses t ON t.id = m.id "
      "WHERE m.action IN (3, 4) ORDER BY m.sid");
  SQLite::Statement reject(
      db_,
      "INSERT INTO main.rejects (run_id, file, line, severity, reason, raw) "
      "SELECT ?1, ?2, ?3, 'row', ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM main.rejects WHERE "
      "run_id = ?1 AND file = ?2 AND line = ?3 AND severity = 'row' AND reason = ?4)");
  SQLite::Statement recount(db_,
                            "UPDATE main.runs SET rows_rejected = rows_rejected + 1, rows_new = "
                            "max(rows_new - 1, 0) WHERE id = ?");
  SQLite::Statement refused(db_, "INSERT OR IGNORE INTO temp.refused (file, line) VALUES (?, ?)");
  while (rows.executeStep()) {
    const std::string id =
        rows.getColumn(1).isNull() ? rows.getColumn(2).getString() : rows.getColumn(1).getString();
    const std::string stored_at =
        rows.getColumn(7).getString() + ":" + std::to_string(rows.getColumn(8).getInt64());
    const std::string reason =
        rows.getColumn(0).getInt() == kDuplicate
            ? "duplicate id '" + id + "': an earlier shard of this merge has it (" + stored_at +
                  "); the first one is kept"
            : "id '" + id + "' is already stored from " + stored_at +
                  " with different content; if each export numbers its responses from 1, "
                  "import each with its own --survey NAME to keep both";
    reject.bind(1, rows.getColumn(6).getInt64());
    reject.bind(2, rows.getColumn(3).getString());
    reject.bind(3, rows.getColumn(4).getInt64());
    reject.bind(4, reason);
    reject.bind(5, rows.getColumn(5).getString());
    reject.exec();
    reject.reset();
    if (db_.getChanges() == 1) {
      ++counts.refused;
      recount.bind(1, rows.getColumn(6).getInt64());
      recount.exec();
      recount.reset();
    }
    refused.bind(1, rows.getColumn(3).getString());
    refused.bind(2, rows.getColumn(4).getInt64());
    refused.exec();
    refused.reset();
  }
}

void ShardMerger::write_responses() {
  const std::string changed = "(SELECT id FROM temp.rmap WHERE action = 2)";
  db_.exec("DELETE FROM main.segments WHERE response_id IN " + changed);
  db_.exec("DELETE FROM main.mentions WHERE response_id IN " + changed);
  const std::string from =
      " FROM temp.rmap m JOIN shard.responses s ON s.id = m.sid JOIN temp.run_map rm ON rm.sid = "
      "s.run_id";
  db_.exec("UPDATE main.responses SET (" + std::string(kResponseColumns) + ") = (" +
           kShardResponseValues + ")" + from + " WHERE responses.id = m.id AND m.action = 2");
  db_.exec("INSERT INTO main.responses (id, source_key, " + std::string(kResponseColumns) +
           ") SELECT m.id, s.source_key, " + kShardResponseValues + from +
           " WHERE m.action = 0 ORDER BY m.sid");
  db_.exec(
      "INSERT INTO main.segments (response_id, name, value) SELECT m.id, g.name, g.value FROM "
      "shard.segments g JOIN temp.rmap m ON m.sid = g.response_id WHERE m.action IN (0, 2) "
      "ORDER BY g.rowid");
  db_.exec(
      "INSERT INTO main.mentions (response_id, theme, sentence, start, \"end\", text, sentiment, "
      "intent) SELECT m.id, x.theme, x.sentence, x.start, x.\"end\", x.text, x.sentiment, "
      "x.intent FROM shard.mentions x JOIN temp.rmap m ON m.sid = x.response_id "
      "WHERE m.action IN (0, 2) ORDER BY x.id");
}

void ShardMerger::copy_rejects(ShardCounts& counts) {
  // A row refused here keeps no field problems: it is not stored (as in a single run, where a
  // duplicate is rejected before its fields are looked at).
  db_.exec(
      "INSERT INTO main.rejects (run_id, file, line, col, severity, reason, raw) "
      "SELECT rm.id, j.file, j.line, j.col, j.severity, j.reason, j.raw FROM shard.rejects j "
      "JOIN temp.run_map rm ON rm.sid = j.run_id WHERE rm.copied = 1 AND NOT (j.severity = "
      "'field' AND EXISTS (SELECT 1 FROM temp.refused f WHERE f.file = j.file AND f.line = "
      "j.line)) ORDER BY j.id");
  counts.rejects_copied += db_.getChanges();
  counts.rejected_rows +=
      db_.execAndGet("SELECT count(*) FROM shard.rejects WHERE severity IN ('row', 'file')")
          .getInt64();
}

bool ShardMerger::finish() {
  return guarded(target_, [&] {
    sqlite3_progress_handler(db_.getHandle(), 1000, merge_stop_on_interrupt, nullptr);
    try {
      create_deferred_indexes(db_);
      // The stored response x theme rows of the merged responses, as an import's finish_run.
      refresh_response_themes(db_);
    } catch (const SQLite::Exception& e) {
      sqlite3_progress_handler(db_.getHandle(), 0, nullptr, nullptr);
      if ((e.getErrorCode() & 0xFF) == SQLITE_INTERRUPT) return false;
      throw;
    }
    sqlite3_progress_handler(db_.getHandle(), 0, nullptr, nullptr);
    return true;
  });
}

}  // namespace ascolto

#include "store/store.h"

#include "privacy/pseudonym.h"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <thread>

#include "common/error.h"
#include "common/hash.h"
#include "common/interrupt.h"
#include "nps/nps.h"
#include "store/chunked_insert.h"
#include "store/response_themes.h"
#include "store/schema.h"

namespace ascolto {

struct Store::Statements {
  SQLite::Statement find;
  SQLite::Statement insert;
  SQLite::Statement update;
  SQLite::Statement delete_segments;
  SQLite::Statement delete_mentions;
  ChunkedInsert segments;
  ChunkedInsert mentions;
  SQLite::Statement insert_reject;
  SQLite::Statement progress;

  explicit Statements(SQLite::Database& db)
      : find(db,
             "SELECT id, content_hash, source_file, source_line, input_hash, run_id FROM "
             "responses WHERE source_key = ?"),
        insert(
            db,
            "INSERT INTO responses (source_key, content_hash, run_id, source_file, "
            "source_line, respondent_id, response_date, score, band, lang, text, sentences, "
            "sentiment, label, churn_intent, repeat_contact, recommendation, source_id, "
            "input_hash) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
            "?18, ?19) "
            "ON CONFLICT (source_key) DO NOTHING"),
        update(db,
               "UPDATE responses SET content_hash = ?2, run_id = ?3, source_file = ?4, "
               "source_line = ?5, respondent_id = ?6, response_date = ?7, score = ?8, band = ?9, "
               "lang = ?10, text = ?11, sentences = ?12, sentiment = ?13, label = ?14, "
               "churn_intent = ?15, repeat_contact = ?16, recommendation = ?17, source_id = ?18, "
               "input_hash = ?19 "
               "WHERE id = ?1"),
        delete_segments(db, "DELETE FROM segments WHERE response_id = ?"),
        delete_mentions(db, "DELETE FROM mentions WHERE response_id = ?"),
        segments(db, "INSERT OR REPLACE INTO segments (response_id, name, value) VALUES ", 3),
        mentions(db,
                 "INSERT INTO mentions (response_id, theme, sentence, start, \"end\", text, "
                 "sentiment, intent) VALUES ",
                 8),
        insert_reject(db,
                      "INSERT INTO rejects (run_id, file, line, col, severity, reason, raw) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        progress(db,
                 "UPDATE runs SET rows_read = rows_read + ?, rows_new = rows_new + ?, "
                 "rows_updated = rows_updated + ?, rows_unchanged = rows_unchanged + ?, "
                 "rows_rejected = rows_rejected + ? WHERE id = ?") {}
};

namespace {

void bind_response(SQLite::Statement& st, const AnalysedRow& r, const std::string& hash,
                   std::int64_t run) {
  const InputRow& row = r.row;
  st.bindNoCopy(2, hash);
  st.bind(3, run);
  st.bindNoCopy(4, row.file);
  st.bind(5, static_cast<std::int64_t>(row.line));
  if (row.respondent.empty()) {
    st.bind(6);
  } else {
    st.bindNoCopy(6, row.respondent);
  }
  if (row.date) {
    st.bindNoCopy(7, *row.date);
  } else {
    st.bind(7);
  }
  if (row.score) {
    st.bind(8, *row.score);
    st.bindNoCopy(9, band_name(band_of(*row.score)));
  } else {
    st.bind(8);
    st.bind(9);
  }
  st.bindNoCopy(10, lang_code(r.analysis.lang));
  st.bindNoCopy(11, row.text);
  st.bind(12, static_cast<std::int64_t>(r.analysis.sentences));
  st.bind(13, r.analysis.score);
  st.bindNoCopy(14, label_name(r.analysis.label));
  const Signals& sig = r.analysis.signals;
  st.bind(15, sig.churn_intent ? 1 : 0);
  st.bind(16, sig.repeat_contact ? 1 : 0);
  if (const char* rec = recommendation_name(sig.recommendation)) {
    st.bindNoCopy(17, rec);
  } else {
    st.bind(17);
  }
  if (row.id.empty()) {
    st.bind(18);
  } else {
    st.bindNoCopy(18, row.id);
  }
  st.bindNoCopy(19, row.content_hash);
}

std::string base_name(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

// Every parameter is bound before each step, so bindings need no clearing; strings are bound
// without a copy (they outlive the step).
void run_reset(SQLite::Statement& st) {
  try {
    st.exec();
  } catch (...) {
    st.tryReset();  // usable again after a refused row
    throw;
  }
  st.reset();
}

}  // namespace

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// What a SQLite failure means to the user: another writer holding the lock past the busy
// timeout, a full disk (an output error), or a database problem.
[[noreturn]] void rethrow_as_ours(const std::string& path, const SQLite::Exception& e,
                                  int busy_ms) {
  const int code = e.getErrorCode() & 0xFF;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    char waited[32];
    std::snprintf(waited, sizeof waited, "%g", busy_ms / 1000.0);
    throw StoreError(path + ": the database is locked: another import is running on it (or " +
                     "another program is writing to it); waited " + waited +
                     " s; try again when it has finished");
  }
  if (code == SQLITE_FULL) throw OutputError(path + ": the disk is full (" + e.what() + ")");
  throw StoreError(path + ": " + e.what());
}

// Errors that concern one row's values, not the database: the row is refused, the run goes on.
bool row_error(const SQLite::Exception& e) {
  const int code = e.getErrorCode() & 0xFF;
  return code == SQLITE_CONSTRAINT || code == SQLITE_TOOBIG || code == SQLITE_MISMATCH;
}

// Stops a long statement (an index build) when Ctrl-C arrives.
extern "C" int stop_on_interrupt(void*) {
  return interrupt_requested() ? 1 : 0;
}

}  // namespace

template <class F>
auto Store::guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    rethrow_as_ours(path_, e, busy_ms_);
  }
}

namespace {

// SQLite's memory statistics take a global mutex on every allocation (about 7% of the writer's
// instructions); nothing here reads them. Only possible before SQLite's first use in the process:
// later it is refused (SQLITE_MISUSE) and changes nothing.
const bool memory_statistics_off = [] {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return true;
}();

}  // namespace

Store::Store(const std::string& path, int busy_ms, NewDatabase new_database) try
    : path_(path),
      busy_ms_(busy_ms),
      new_file_(new_database == NewDatabase::BuildAside ? path : std::string()),
      db_(new_file_.active() ? new_file_.temp_path() : path,
          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {
  // Before anything that takes a lock: a reader opening the file at the same moment must make
  // this connection wait, not fail with "database is locked".
  db_.setBusyTimeout(busy_ms);
  configure_writer(db_);
  if (new_file_.active()) configure_new_file(db_);
  migrate(db_);
  create_deferred_indexes(db_);
  st_ = std::make_unique<Statements>(db_);
} catch (const SQLite::Exception& e) {
  rethrow_as_ours(path, e, busy_ms);
}

Store::~Store() = default;

void Store::close_abandoned_runs(const std::string& host) {
  SQLite::Statement running(db_, "SELECT id, pid FROM runs WHERE status = 'running' AND host = ?");
  running.bind(1, host);
  std::vector<std::int64_t> abandoned;
  while (running.executeStep()) {
    const auto pid = static_cast<pid_t>(running.getColumn(1).getInt64());
    // Our own pid on a row not yet ours was reused from a dead process.
    if (pid == getpid() || (kill(pid, 0) == -1 && errno == ESRCH)) {
      abandoned.push_back(running.getColumn(0).getInt64());
    }
  }
  SQLite::Statement close(db_,
                          "UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ?");
  for (const std::int64_t id : abandoned) {
    close.bind(1, utc_now());
    close.bind(2, id);
    run_reset(close);
  }
}

std::int64_t Store::begin_run(const RunInfo& info) {
  return guarded([&] {
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    close_abandoned_runs(host);
    SQLite::Statement st(
        db_,
        "INSERT INTO runs (started_at, status, tool_version, inputs, lexicon_hash, "
        "options, pid, host) VALUES (?, 'running', ?, ?, ?, ?, ?, ?)");
    st.bind(1, utc_now());
    st.bind(2, info.tool_version);
    st.bind(3, info.inputs_json);
    st.bind(4, info.lexicon_hash);
    st.bind(5, info.options_json);
    st.bind(6, static_cast<std::int64_t>(getpid()));
    st.bind(7, std::string(host));
    st.exec();
    theme_rows_.clear();
    analysis_key_ = info.lexicon_hash + "|" +
                    (info.key_options_json.empty() ? info.options_json : info.key_options_json) +
                    "|" + info.tool_version;
    const std::int64_t run = db_.getLastInsertRowid();
    // --force: no stored row matches this run's analysis, so every row is written again.
    if (info.force) analysis_key_ += "|force " + std::to_string(run);
    if (db_.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM responses)").getInt() == 1) {
      SQLite::Transaction tx(db_);
      drop_deferred_indexes(db_);
      tx.commit();
    }
    return run;
  });
}

void Store::sync_themes(const Taxonomy& taxonomy) {
  guarded([&] {
    SQLite::Transaction tx(db_);
    db_.exec("DELETE FROM themes");
    SQLite::Statement st(db_,
                         "INSERT INTO themes (id, parent, label_en, label_it) VALUES (?, ?, ?, ?)");
    for (const Theme& t : taxonomy.all()) {
      st.bind(1, t.id);
      if (t.parent.empty()) {
        st.bind(2);
      } else {
        st.bind(2, t.parent);
      }
      st.bind(3, t.label_en);
      st.bind(4, t.label_it);
      run_reset(st);
    }
    tx.commit();
    // Rows made under the taxonomy before (batches written before this call) do not roll up by
    // this one: the refresh computes the run's rows by query. Else the next batch loads it.
    if (theme_rows_.active()) theme_rows_.set_unusable();
  });
}

std::vector<RefusedRow> Store::write_batch(std::int64_t run, const std::vector<AnalysedRow>& rows,
                                           const std::vector<RejectedRow>& rejects,
                                           WriteCounts& counts) {
  return guarded([&] {
    WriteCounts delta;
    std::optional<SQLite::Transaction> tx;
    std::vector<RefusedRow> refused;
    theme_rows_.discard();  // left over only if an earlier batch failed
    if (!theme_rows_.active()) {
      std::vector<std::pair<std::string, std::string>> parents;
      SQLite::Statement themes(db_, "SELECT id, coalesce(parent, '') FROM themes");
      while (themes.executeStep()) {
        parents.emplace_back(themes.getColumn(0).getString(), themes.getColumn(1).getString());
      }
      theme_rows_.reset(parents, response_themes_taxonomy(db_));
    }
    try {
      tx.emplace(db_);
      refused = write_rows(run, rows, rejects, delta, false);
    } catch (const SQLite::Exception& e) {
      if (!row_error(e)) throw;
      // A row the database refuses (a value out of its constraints): the batch again, a
      // savepoint per row, so that row alone is rejected with the reason.
      tx.reset();  // rolls back
      theme_rows_.discard();
      delta = WriteCounts();
      tx.emplace(db_);
      refused = write_rows(run, rows, rejects, delta, true);
    }
    delta.read = delta.rejected + delta.added + delta.updated + delta.unchanged;
    // Progress counts move with the data they describe: both commit or neither.
    SQLite::Statement& progress = st_->progress;
    progress.bind(1, delta.read);
    progress.bind(2, delta.added);
    progress.bind(3, delta.updated);
    progress.bind(4, delta.unchanged);
    progress.bind(5, delta.rejected);
    progress.bind(6, run);
    run_reset(progress);
    tx->commit();
    theme_rows_.commit();
    counts.read += delta.read;
    counts.added += delta.added;
    counts.updated += delta.updated;
    counts.unchanged += delta.unchanged;
    counts.rejected += delta.rejected;
    counts.field_issues += delta.field_issues;
    return refused;
  });
}

std::vector<RefusedRow> Store::write_rows(std::int64_t run, const std::vector<AnalysedRow>& rows,
                                          const std::vector<RejectedRow>& rejects,
                                          WriteCounts& delta, bool row_by_row) {
  Statements& s = *st_;
  s.segments.clear();  // left over only if an earlier batch failed
  s.mentions.clear();
  std::vector<RefusedRow> refused;
  const auto reject = [&](const std::string& file, std::size_t line, std::size_t col,
                          const char* severity, const std::string& reason, const std::string* raw) {
    s.insert_reject.bind(1, run);
    s.insert_reject.bindNoCopy(2, file);
    s.insert_reject.bind(3, static_cast<std::int64_t>(line));
    if (col == 0) {
      s.insert_reject.bind(4);
    } else {
      s.insert_reject.bind(4, static_cast<std::int64_t>(col));
    }
    s.insert_reject.bindNoCopy(5, severity);
    s.insert_reject.bindNoCopy(6, reason);
    if (raw) {
      s.insert_reject.bindNoCopy(7, *raw);
    } else {
      s.insert_reject.bind(7);
    }
    run_reset(s.insert_reject);
  };
  for (const RejectedRow& r : rejects) {
    reject(r.file, r.line, r.column, "row", r.reason, &r.raw);
    ++delta.rejected;
  }
  const auto field_issues = [&](const InputRow& row) {
    for (const FieldIssue& issue : row.issues) {
      reject(row.file, row.line, issue.column, "field", issue.reason, nullptr);
      ++delta.field_issues;
    }
  };
  std::string clash_reason;
  // False when the row is refused as an id clash (clash_reason says why).
  const auto write_one = [&](const AnalysedRow& r) -> bool {
    ContentHasher h;
    h.add(r.row.content_hash);
    h.add(analysis_key_);
    // Naming a respondent column later updates the stored rows; rows without one keep the hash
    // they had before respondents existed.
    if (!r.row.respondent.empty()) h.add(r.row.respondent);
    // So does naming a score, date or segment column the first run missed.
    if (r.row.score) h.add(std::to_string(*r.row.score));
    if (r.row.date) h.add(*r.row.date);
    for (const auto& [name, value] : r.row.segments) {
      h.add(name);
      h.add(value);
    }
    const std::string hash = h.hex();
    // Insert first: on a first import every row is new, and the lookup below is only needed
    // when the source key is already stored.
    s.insert.bindNoCopy(1, r.row.source_key);
    bind_response(s.insert, r, hash, run);
    run_reset(s.insert);
    std::int64_t id = -1;
    bool replaced = false;
    if (db_.getChanges() == 1) {
      id = db_.getLastInsertRowid();
      ++delta.added;
      field_issues(r.row);
    } else {
      s.find.bindNoCopy(1, r.row.source_key);
      bool same = false, clash = false, rewritten = false;
      if (s.find.executeStep()) {
        id = s.find.getColumn(0).getInt64();
        // A response this run already wrote, written again: its first rows are among the
        // writer's, which the refresh then leaves to its query.
        rewritten = s.find.getColumn(5).getInt64() == run;
        same = s.find.getColumn(1).getString() == hash;
        // Another file's response under the same id, with other content: ids that restart in
        // each export. Never replaced silently (a cumulative export, same content, is fine).
        const std::string stored_file = s.find.getColumn(2).getString();
        clash = !s.find.getColumn(4).isNull() && base_name(stored_file) != base_name(r.row.file) &&
                s.find.getColumn(4).getString() != r.row.content_hash;
        if (clash) {
          clash_reason = "id '" + r.row.id + "' is already stored from " + stored_file + ":" +
                         std::to_string(s.find.getColumn(3).getInt64()) +
                         " with different content; if each export numbers its responses from 1, "
                         "import each with its own --survey NAME to keep both";
        }
      }
      s.find.reset();
      if (clash) return false;
      field_issues(r.row);
      if (same) {
        ++delta.unchanged;
        return true;
      }
      // Buffered rows go in first, so that rowids are those of one INSERT per row.
      s.segments.flush();
      s.mentions.flush();
      s.update.bind(1, id);
      s.delete_segments.bind(1, id);
      run_reset(s.delete_segments);
      s.delete_mentions.bind(1, id);
      run_reset(s.delete_mentions);
      bind_response(s.update, r, hash, run);
      run_reset(s.update);
      ++delta.updated;
      replaced = true;
      if (rewritten) theme_rows_.set_unusable();
    }
    for (const auto& [name, value] : r.row.segments) s.segments.add({id, &name, &value});
    for (const Mention& m : r.analysis.mentions) {
      s.mentions.add({id, &m.theme, static_cast<std::int64_t>(m.sentence),
                      static_cast<std::int64_t>(m.start), static_cast<std::int64_t>(m.end), &m.text,
                      m.sentiment, intent_name(m.intent)});
    }
    theme_rows_.add(id, r, replaced);
    return true;
  };
  const auto refuse = [&](std::size_t i, std::string reason) {
    const InputRow& row = rows[i].row;
    reject(row.file, row.line, 0, "row", reason, &row.text);
    ++delta.rejected;
    refused.push_back({i, std::move(reason)});
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!row_by_row) {
      if (!write_one(rows[i])) refuse(i, std::move(clash_reason));
      continue;
    }
    const WriteCounts before = delta;
    const std::size_t theme_rows_before = theme_rows_.pending();
    db_.exec("SAVEPOINT one_row");
    try {
      if (!write_one(rows[i])) refuse(i, std::move(clash_reason));
      s.segments.flush();
      s.mentions.flush();
      db_.exec("RELEASE one_row");
    } catch (const SQLite::Exception& e) {
      if (!row_error(e)) throw;
      s.find.tryReset();
      s.segments.clear();
      s.mentions.clear();
      db_.exec("ROLLBACK TO one_row");
      db_.exec("RELEASE one_row");
      theme_rows_.rollback_to(theme_rows_before);
      delta = before;
      refuse(i, std::string("the database refused the row: ") + e.what());
    }
  }
  s.segments.flush();
  s.mentions.flush();
  return refused;
}

void Store::reject_file(std::int64_t run, const std::string& file, std::size_t line,
                        std::size_t column, const std::string& reason) {
  guarded([&] {
    SQLite::Statement st(
        db_,
        "INSERT INTO rejects (run_id, file, line, col, severity, reason) VALUES (?, "
        "?, ?, ?, 'file', ?)");
    st.bind(1, run);
    st.bind(2, file);
    st.bind(3, static_cast<std::int64_t>(line));
    if (column == 0) {
      st.bind(4);
    } else {
      st.bind(4, static_cast<std::int64_t>(column));
    }
    st.bind(5, reason);
    st.exec();
  });
}

std::string Store::pseudonym_key() {
  return guarded([&] {
    SQLite::Statement get(db_, "SELECT value FROM settings WHERE name = 'pseudonym_key'");
    if (get.executeStep()) return get.getColumn(0).getString();
    const std::string key = PseudonymKey::generate().hex();
    SQLite::Statement put(db_, "INSERT INTO settings (name, value) VALUES ('pseudonym_key', ?)");
    put.bind(1, key);
    put.exec();
    return key;
  });
}

void Store::record_redactions(std::int64_t run, const std::string& counts_json) {
  guarded([&] {
    SQLite::Statement st(db_, "UPDATE runs SET pii_redactions = ? WHERE id = ?");
    st.bind(1, counts_json);
    st.bind(2, run);
    st.exec();
  });
}

RunStatus Store::finish_run(std::int64_t run, RunStatus status, const std::string& inputs_json) {
  return guarded([&] {
    // Nothing else runs by now: the index builds may sort on every core.
    db_.exec("PRAGMA threads = " +
             std::to_string(std::clamp(std::thread::hardware_concurrency(), 1u, 8u)));
    if (interrupt_requested()) status = RunStatus::Interrupted;
    // The writer's rows are of no use after this: the next run refreshes by query.
    struct Forget {
      ThemeRows& rows;
      ~Forget() { rows.clear(); }
    } forget{theme_rows_};
    if (status != RunStatus::Interrupted) {
      // Ctrl-C stops a long index build; the next open builds what is missing.
      sqlite3_progress_handler(db_.getHandle(), 1000, stop_on_interrupt, nullptr);
      try {
        create_deferred_indexes(db_);
        // The per-response theme rows of what this run (and any run interrupted before it)
        // stored; the last step, as it reads the mentions by their indexes.
        refresh_response_themes(db_, theme_rows_, run);
      } catch (const SQLite::Exception& e) {
        sqlite3_progress_handler(db_.getHandle(), 0, nullptr, nullptr);
        if ((e.getErrorCode() & 0xFF) != SQLITE_INTERRUPT) throw;
        status = RunStatus::Interrupted;
      }
      sqlite3_progress_handler(db_.getHandle(), 0, nullptr, nullptr);
    }
    SQLite::Statement st(db_,
                         "UPDATE runs SET finished_at = ?, status = ?, inputs = ? WHERE id = ?");
    st.bind(1, utc_now());
    st.bind(2, status == RunStatus::Completed     ? "completed"
               : status == RunStatus::Interrupted ? "interrupted"
                                                  : "failed");
    st.bind(3, inputs_json);
    st.bind(4, run);
    st.exec();
    // Last: a new database built aside goes into place complete (a later write would go through
    // a WAL under the temporary name, unsynced, which a crash would leave behind unread).
    new_file_.publish(db_);
    return status;
  });
}

}  // namespace ascolto

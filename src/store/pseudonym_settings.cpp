#include "store/pseudonym_settings.h"

#include <SQLiteCpp/Statement.h>

#include "common/error.h"
#include "common/hash.h"

namespace ascolto {
namespace {

bool has_settings(SQLite::Database& db, const std::string& schema) {
  return db.execAndGet("SELECT count(*) FROM " + schema +
                       ".sqlite_master WHERE type = 'table' AND name = 'settings'")
             .getInt() == 1;
}

}  // namespace

std::string key_fingerprint(const std::string& key_hex) {
  ContentHasher h;
  h.add("ascolto pseudonym key");
  h.add(key_hex);
  return h.hex().substr(0, 12);
}

std::string stored_pseudonym_key(SQLite::Database& db, const std::string& schema) {
  if (!has_settings(db, schema)) return "";
  SQLite::Statement get(db,
                        "SELECT value FROM " + schema + ".settings WHERE name = 'pseudonym_key'");
  return get.executeStep() ? get.getColumn(0).getString() : "";
}

std::string key_fingerprint_of(SQLite::Database& db, const std::string& schema) {
  if (const std::string key = stored_pseudonym_key(db, schema); !key.empty())
    return key_fingerprint(key);
  if (!has_settings(db, schema)) return "";
  SQLite::Statement get(
      db, "SELECT value FROM " + schema + ".settings WHERE name = 'pseudonym_key_fingerprint'");
  return get.executeStep() ? get.getColumn(0).getString() : "";
}

void adopt_pseudonym_key(SQLite::Database& db, const std::string& key_hex) {
  const std::string stored = stored_pseudonym_key(db);
  if (stored == key_hex) return;
  const std::string fingerprint = key_fingerprint_of(db, "main");
  if (!fingerprint.empty() && fingerprint != key_fingerprint(key_hex)) {
    throw UsageError("the database already has another pseudonym key (" + fingerprint +
                     ", the --pseudonym-key given is " + key_fingerprint(key_hex) +
                     "): its stored ids would no longer match; give its own key, or a new "
                     "database");
  }
  SQLite::Statement put(db, "INSERT INTO settings (name, value) VALUES ('pseudonym_key', ?)");
  put.bind(1, key_hex);
  put.exec();
}

}  // namespace ascolto

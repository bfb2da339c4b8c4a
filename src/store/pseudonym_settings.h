// The pseudonym key of a database's ids in its `settings` (schema v10), and how stores agree on
// one: `analyze --pseudonym-key FILE` gives every shard of an export the same key, `merge` keeps
// it (or, for JSON lines that name it by fingerprint only, the fingerprint) in the merged store.
//
//   adopt_pseudonym_key(store.db(), read_pseudonym_key("parts.key"));   // or UsageError
//   std::cerr << key_fingerprint_of(store.db(), "main");                // safe to print
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace ascolto {

// The pseudonym key `db` holds (64 hex digits), empty when it has none.
std::string stored_pseudonym_key(SQLite::Database& db, const std::string& schema = "main");

// Makes `key_hex` the pseudonym key of `db` (analyze --pseudonym-key): stored when the database
// has none; a database that holds another key, or ids merged from JSON lines made with another
// (their fingerprint), is refused (UsageError, naming both fingerprints): its stored ids would no
// longer match.
void adopt_pseudonym_key(SQLite::Database& db, const std::string& key_hex);

// The fingerprint of the key `schema`'s ids were made with: its stored key's, else the one that
// JSON lines recorded (jsonl_shard.h); empty when unknown.
std::string key_fingerprint_of(SQLite::Database& db, const std::string& schema);

// A short public name of a key, safe to print: 12 hex digits of a hash of it.
std::string key_fingerprint(const std::string& key_hex);

}  // namespace ascolto

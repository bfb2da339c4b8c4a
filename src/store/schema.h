// The database schema, versioned with PRAGMA user_version and migrated forward only: each
// migration runs once, in a transaction, and bumps the version. Opening a database made by a
// newer Ascolto fails instead of guessing.
//
//   SQLite::Database db("x.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
//   migrate(db);   // now at kSchemaVersion
#pragma once

#include <SQLiteCpp/Database.h>

namespace ascolto {

constexpr int kSchemaVersion = 5;

// Brings `db` to kSchemaVersion (or to an older `version`, to test upgrades); throws StoreError
// if it is newer than this build knows.
void migrate(SQLite::Database& db, int version = kSchemaVersion);

int schema_version(SQLite::Database& db);

}  // namespace ascolto

// The database schema, versioned with PRAGMA user_version and migrated forward only: each
// migration runs once, in a transaction, and bumps the version. Opening a database made by a
// newer Ascolto fails instead of guessing.
//
//   SQLite::Database db("x.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
//   migrate(db);   // now at kSchemaVersion
#pragma once

#include <SQLiteCpp/Database.h>

namespace ascolto {

constexpr int kSchemaVersion = 11;

// Brings `db` to kSchemaVersion (or to an older `version`, to test upgrades); throws StoreError
// if it is newer than this build knows.
void migrate(SQLite::Database& db, int version = kSchemaVersion);

int schema_version(SQLite::Database& db);

// The settings of the connection that imports: WAL with synchronous=NORMAL, 16 KiB pages for a
// new file, CHECK constraints not evaluated by this connection (they stay for every other).
void configure_writer(SQLite::Database& db);

// The secondary indexes of the first migration. An import into an empty database drops them and
// builds each with one sort at the end of the run, instead of a B-tree insert per row; opening a
// database re-creates any a killed import left missing. Both do only what is needed.
void drop_deferred_indexes(SQLite::Database& db);
void create_deferred_indexes(SQLite::Database& db);

}  // namespace ascolto

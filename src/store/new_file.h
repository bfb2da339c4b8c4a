// A database file built aside and renamed into place when complete: an import into a database
// that does not exist yet writes `<path>.incomplete` in the same directory, with SQLite's journal
// in memory and no syncs (the fast settings, `configure_new_file`), and publish() fsyncs it and
// renames it to `<path>` only if nothing is there. A crash or SIGKILL at any moment leaves either
// no database at `<path>` or the complete one, never a half-written one; the leftover
// `.incomplete` file is removed by the next build (or by this object when it is destroyed
// unpublished). An flock on the file keeps a second import from building the same one.
//
//   NewFile building(path);                       // inactive when `path` already exists
//   SQLite::Database db(building.active() ? building.temp_path() : path, ...);
//   if (building.active()) configure_new_file(db);
//   ... write, commit ...
//   building.publish(db);                         // the database is now at `path`
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace ascolto {

class NewFile {
 public:
  NewFile() = default;
  // Active when `path` names a file that does not exist (not "", ":memory:" or a URI). Throws
  // StoreError when another import is building the same file or the directory is not writable.
  explicit NewFile(const std::string& path);
  NewFile(const NewFile&) = delete;
  NewFile& operator=(const NewFile&) = delete;
  // Unpublished: removes the file being built (the caller closed its connection first).
  ~NewFile();

  bool active() const { return fd_ >= 0; }
  bool published() const { return published_; }
  const std::string& temp_path() const { return temp_; }

  // Switches `db` (open on temp_path(), no transaction open) back to WAL, flushes the file to
  // disk and renames it to the final path; throws StoreError if a file appeared there meanwhile.
  void publish(SQLite::Database& db);

 private:
  std::string path_;
  std::string temp_;
  int fd_ = -1;  // holds the flock while building
  bool published_ = false;
};

// A connection on a file nobody else can see yet: journal in memory (rollbacks and savepoints
// still work), no fsyncs, exclusive lock held, a larger page cache.
void configure_new_file(SQLite::Database& db);

}  // namespace ascolto

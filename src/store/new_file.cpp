#include "store/new_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/error.h"

namespace ascolto {

namespace {

constexpr const char* kSideFiles[] = {"-journal", "-wal", "-shm"};

std::string errno_text() {
  return std::strerror(errno);
}

// Renames `from` to `to` unless `to` exists: renameat2's RENAME_NOREPLACE, or a hard link and an
// unlink where the file system has no such rename. False (errno EEXIST) if `to` exists.
bool rename_no_replace(const std::string& from, const std::string& to) {
  if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;
  if (link(from.c_str(), to.c_str()) != 0) return false;
  unlink(from.c_str());
  return true;
}

void fsync_directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // the rename is done; only its durability across a power loss is at stake
  fsync(fd);
  close(fd);
}

}  // namespace

NewFile::NewFile(const std::string& path) : path_(path) {
  if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return;
  struct stat st {};
  // Anything there (a dangling symlink too: SQLite creates its target) is written in place.
  if (lstat(path.c_str(), &st) == 0 || errno != ENOENT) return;
  temp_ = path + ".incomplete";
  fd_ = open(temp_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw StoreError(path + ": cannot create " + temp_ + " (" + errno_text() + ")");
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    close(fd_);
    fd_ = -1;
    throw StoreError(path + ": another import is creating this database (" + temp_ +
                     " is in use); try again when it has finished");
  }
  // What a killed build left behind is started over.
  if (ftruncate(fd_, 0) != 0) {
    const std::string reason = errno_text();
    close(fd_);
    fd_ = -1;
    throw StoreError(path + ": cannot reset " + temp_ + " (" + reason + ")");
  }
  for (const char* side : kSideFiles) unlink((temp_ + side).c_str());
}

NewFile::~NewFile() {
  if (fd_ < 0) return;
  if (!published_) {
    unlink(temp_.c_str());
    for (const char* side : kSideFiles) unlink((temp_ + side).c_str());
  }
  close(fd_);
}

void NewFile::publish(SQLite::Database& db) {
  if (!active() || published_) return;
  // The persistent journal mode of every Ascolto database; the connection closes the (empty)
  // WAL when it closes.
  db.exec("PRAGMA journal_mode = WAL");
  if (fsync(fd_) != 0)
    throw StoreError(path_ + ": cannot flush " + temp_ + " (" + errno_text() + ")");
  if (!rename_no_replace(temp_, path_)) {
    if (errno == EEXIST) {
      throw StoreError(path_ +
                       ": another program created this file while the import was "
                       "building it; the import was not stored");
    }
    throw StoreError(path_ + ": cannot rename " + temp_ + " into place (" + errno_text() + ")");
  }
  published_ = true;
  fsync_directory_of(path_);
}

void configure_new_file(SQLite::Database& db) {
  db.exec("PRAGMA locking_mode = EXCLUSIVE");
  db.exec("PRAGMA journal_mode = MEMORY");
  db.exec("PRAGMA synchronous = OFF");
}

}  // namespace ascolto

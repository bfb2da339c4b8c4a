// The report's outputs (standard output, --html, --xlsx, --follow-up files), every write
// checked: a full disk or an unwritable path is a ReportWriteError naming the path (exit 4,
// "output error"), never a report that looks complete. An output that is the database itself
// (or its -wal/-shm file) is refused before anything is opened for writing.
//
//   refuse_database(html_path, db_path);
//   write_file(html_path, [&](std::ostream& out) { write_html_report(r, l, out); });
//   finish_stdout();
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "common/error.h"

namespace ascolto {

// A write of the report failed, or an output would overwrite the database: exit 4.
class ReportWriteError : public AscoltoError {
 public:
  using AscoltoError::AscoltoError;
};

// Throws ReportWriteError when `output` is the same file as the database or one of its -wal
// and -shm files (by device and inode where they exist, so links and other spellings count).
void refuse_database(const std::string& output, const std::string& db_path);

// Writes a file through `write`, then flushes and closes it; any failure is a
// ReportWriteError "cannot write 'PATH': reason".
void write_file(const std::string& path, const std::function<void(std::ostream&)>& write);

// Flushes standard output and throws ReportWriteError if anything written to it was lost
// (a closed pipe, /dev/full).
void finish_stdout();

}  // namespace ascolto

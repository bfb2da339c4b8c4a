#include "report/output_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace ascolto {
namespace {

namespace fs = std::filesystem;

std::string reason(int error) {
  return error != 0 ? std::strerror(error) : "write failed";
}

}  // namespace

void refuse_database(const std::string& output, const std::string& db_path) {
  std::error_code ec;
  if (!fs::exists(output, ec)) return;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string db_file = db_path + suffix;
    if (fs::exists(db_file, ec) && fs::equivalent(output, db_file, ec)) {
      throw ReportWriteError("'" + output + "' is the database" +
                             (*suffix ? std::string(" file '") + db_file + "'" : std::string()) +
                             ": refusing to overwrite it; choose another output path");
    }
  }
}

void write_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw ReportWriteError("cannot write '" + path + "': " + reason(errno));
  errno = 0;
  write(out);  // a failed write leaves errno set: read it before anything else may reset it
  if (out) out.flush();
  if (out) out.close();
  if (!out) throw ReportWriteError("cannot write '" + path + "': " + reason(errno));
}

void finish_stdout() {
  // errno still holds the reason of a write that failed earlier, unless the flush fails anew.
  const bool stream_ok = static_cast<bool>(std::cout.flush());
  const bool flushed = std::fflush(stdout) == 0 && !std::ferror(stdout);
  if (!stream_ok || !flushed) {
    throw ReportWriteError("cannot write to standard output: " + reason(errno));
  }
}

}  // namespace ascolto

// Shared by the end-to-end tests: run the built `ascolto` binary, read what it wrote, query the
// database it made. Each test executable has its own scratch directory under the temp dir.
#pragma once

#include <SQLiteCpp/Database.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../helpers.h"

namespace ascolto::testing {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out, err;
};

inline fs::path scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ascolto-e2e-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `ascolto ARGS` through the shell (ARGS may hold redirections); `before` goes in front of
// the command ("cat FILE |": standard input is then a pipe, not the file).
inline Result run_cli(const std::string& args, const std::string& before = "") {
  const std::string bin = env_or("ASCOLTO_BIN", "build/ascolto");
  const fs::path out = scratch() / "stdout", err = scratch() / "stderr";
  const std::string cmd =
      before + " " + bin + " " + args + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(cmd.c_str());
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

inline std::string fresh_db(const std::string& name) {
  const fs::path p = scratch() / name;
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(p.string() + ext);
  return p.string();
}

inline std::int64_t q(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

inline std::string qs(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getString();
}

inline std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

inline std::string data(const std::string& f) {
  return data_dir() + "/" + f;
}
inline std::string examples(const std::string& f) {
  return env_or("ASCOLTO_EXAMPLES", "examples") + "/" + f;
}

}  // namespace ascolto::testing

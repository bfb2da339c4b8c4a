// Shared by the end-to-end tests: run the built `ascolto` binary, read what it wrote, query the
// database it made. Each test executable has its own scratch directory under the temp dir
// (helpers.h: scratch(), fresh_db(), write_file(); removed when the program ends).
#pragma once

#include <SQLiteCpp/Database.h>
#include <fcntl.h>
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
#include "../store_compare.h"

namespace ascolto::testing {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out, err;
};

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

// Starts `ascolto ARGS...` without a shell, its output discarded, so the test can signal it.
inline pid_t spawn_cli(const std::vector<std::string>& args) {
  const std::string bin = env_or("ASCOLTO_BIN", "build/ascolto");
  std::vector<char*> argv{const_cast<char*>(bin.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    // dup2, not freopen: the parent's unflushed stdio buffers must not be written twice.
    const int null = open("/dev/null", O_WRONLY);
    if (null < 0 || dup2(null, STDOUT_FILENO) < 0 || dup2(null, STDERR_FILENO) < 0) _exit(127);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

// Waits for `pid`; its wait status.
inline int wait_status(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

// One value of a query on `db`, as a number or as text (store_compare.h).
inline std::int64_t q(const std::string& db, const std::string& sql) {
  return count_of(db, sql);
}
inline std::string qs(const std::string& db, const std::string& sql) {
  return string_of(db, sql);
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

// Shared by the tests: where the test data and the shipped lexicons are (set by meson), the mini
// lexicon used to test rules independently of the shipped lexicons' valences, and the scratch
// directory every test writes its files in.
//
// Scratch files: `scratch("name")` is a path inside the test program's own directory under the
// temp dir (TMPDIR honoured, the name made unique by mkdtemp, so parallel runs of the suite never
// share a file); the directory and all it holds are removed when the program ends, after failed
// checks too. A test that wants its files gone sooner holds a `ScratchDir` of its own.
//   const std::string csv = testing::write_file("basic.csv", "id,comment\n1,ok\n");
//   Store store(testing::fresh_db("basic.db"));
#pragma once

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "analysis/sentiment.h"
#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto::testing {

inline std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}

inline std::string data_dir() {
  return env_or("ASCOLTO_TEST_DATA", "tests/data");
}
inline std::string shipped_lexicons() {
  return env_or("ASCOLTO_LEXICONS", "lexicons");
}

inline const Lexicons& mini_lexicons() {
  static const auto lex = load_lexicons({data_dir() + "/lexicons-mini", {}, 64 << 20});
  return *lex;
}

inline const Lexicons& shipped() {
  static const auto lex = load_lexicons({shipped_lexicons(), {}, 64 << 20});
  return *lex;
}

// `text` tokenized and scored on `lex`: mini_lexicons() tests a rule, shipped() the vocabulary.
inline SentimentResult sentiment_of(const std::string& text, Lang lang, const Lexicons& lex) {
  static Tokenizer tok;
  TokenizedText t;
  tok.tokenize(text, t);
  return SentimentScorer(lex).score(t, lang, nullptr);
}

// A new directory of its own under the temp dir, named `ascolto-TAG-XXXXXX`; removed with
// everything in it when the guard is destroyed (a failed REQUIRE unwinds through it too).
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    std::string name =
        (std::filesystem::temp_directory_path() / ("ascolto-" + tag + "-XXXXXX")).string();
    std::vector<char> buf(name.begin(), name.end());
    buf.push_back('\0');
    if (::mkdtemp(buf.data()) == nullptr)
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + name);
    path_ = buf.data();
  }
  ~ScratchDir() {
    std::error_code ignored;  // a destructor must not throw; a leftover is all that can happen
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // `name` (may hold folders, which are made) inside the directory.
  std::filesystem::path operator/(const std::string& name) const {
    const std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    return p;
  }

  // Writes `content` (bytes as they are) to `name`; returns its path.
  std::string write(const std::string& name, const std::string& content) const {
    const std::filesystem::path p = *this / name;
    std::ofstream(p, std::ios::binary | std::ios::trunc) << content;
    return p.string();
  }

  // A path for a new SQLite database `name`: any earlier one, its journals and a half-built
  // copy (store/new_file.h) removed.
  std::string fresh_db(const std::string& name) const {
    const std::filesystem::path p = *this / name;
    for (const char* ext :
         {"", "-wal", "-shm", "-journal", ".incomplete", ".incomplete-journal", ".incomplete-wal"})
      std::filesystem::remove(p.string() + ext);
    return p.string();
  }

  // A copy of the mini lexicon (tests/data/lexicons-mini) at `name`, to change a file of.
  std::string mini_lexicons_copy(const std::string& name) const {
    const std::filesystem::path p = *this / name;
    std::filesystem::remove_all(p);
    std::filesystem::copy(data_dir() + "/lexicons-mini", p,
                          std::filesystem::copy_options::recursive);
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

// The test program's scratch directory: made on first use, removed when the program exits.
inline const ScratchDir& scratch_dir() {
  static const ScratchDir dir(program_invocation_short_name);
  return dir;
}
inline const std::filesystem::path& scratch() {
  return scratch_dir().path();
}
inline std::filesystem::path scratch(const std::string& name) {
  return scratch_dir() / name;
}
inline std::string write_file(const std::string& name, const std::string& content) {
  return scratch_dir().write(name, content);
}
inline std::string fresh_db(const std::string& name) {
  return scratch_dir().fresh_db(name);
}

// The bytes of a file ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace ascolto::testing

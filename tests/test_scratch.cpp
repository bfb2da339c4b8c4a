// The tests' scratch directories (helpers.h): under TMPDIR, one of its own per guard and per
// program, and gone with everything in it when the guard ends, after a failed REQUIRE too.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "helpers.h"

using namespace ascolto::testing;
namespace fs = std::filesystem;

namespace {

// Sets TMPDIR for the life of the guard, as it was after.
struct TmpdirAs {
  std::string before;
  bool had = false;
  explicit TmpdirAs(const fs::path& dir) {
    if (const char* v = std::getenv("TMPDIR")) before = v, had = true;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TmpdirAs() {
    if (had)
      ::setenv("TMPDIR", before.c_str(), 1);
    else
      ::unsetenv("TMPDIR");
  }
};

}  // namespace

TEST_CASE("scratch: a guard's directory is under TMPDIR, its own, and removed with its files") {
  const fs::path outer = scratch() / "tmpdir";
  fs::create_directories(outer);
  const TmpdirAs tmpdir(outer);
  fs::path first, second;
  {
    const ScratchDir a("unit"), b("unit");
    first = a.path();
    second = b.path();
    CHECK(first.parent_path() == outer);
    CHECK(first.filename().string().rfind("ascolto-unit-", 0) == 0);
    CHECK(first != second);  // the same tag twice: two directories
    CHECK(fs::is_directory(first));
    const std::string file = a.write("sub/dir/f.csv", "id,comment\n1,ok\n");
    CHECK(slurp(file) == "id,comment\n1,ok\n");
    const std::string db = a.fresh_db("x.db");
    for (const char* ext : {"", "-wal", "-shm"}) a.write(std::string("x.db") + ext, "old");
    CHECK(a.fresh_db("x.db") == db);
    CHECK(!fs::exists(db));
    CHECK(!fs::exists(db + "-wal"));
    const fs::path lex = a.mini_lexicons_copy("lex");
    CHECK(fs::exists(lex / "en" / "sentiment.tsv"));
  }
  CHECK(!fs::exists(first));
  CHECK(!fs::exists(second));
  CHECK(fs::is_empty(outer));
}

TEST_CASE("scratch: a REQUIRE that fails inside the guard's scope still removes the directory") {
  fs::path dir;
  const auto failing = [&] {
    const ScratchDir guard("unit");
    dir = guard.path();
    guard.write("left.txt", "x");
    throw std::runtime_error("a failed REQUIRE throws like this");  // what doctest does
  };
  CHECK_THROWS_AS(failing(), std::runtime_error);
  REQUIRE(!dir.empty());
  CHECK(!fs::exists(dir));
}

TEST_CASE("scratch: the program's directory is one, under the temp dir, named after the program") {
  CHECK(scratch() == scratch_dir().path());
  CHECK(scratch().parent_path() == fs::temp_directory_path());
  CHECK(scratch().filename().string().rfind("ascolto-test_scratch-", 0) == 0);
  CHECK(scratch("a/b.txt") == scratch() / "a" / "b.txt");
  CHECK(fs::is_directory(scratch() / "a"));
  CHECK(fresh_db("y.db") == (scratch() / "y.db").string());
}

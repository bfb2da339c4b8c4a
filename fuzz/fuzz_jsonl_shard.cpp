// libFuzzer target: JSON lines of `analyze --out-fields all` turned back into a shard database
// (import/jsonl_shard.h), as `ascolto merge` reads them, on arbitrary bytes. A malformed file must
// end in a typed error, never a crash, a hang or a half-written shard the merge would trust.
#include <SQLiteCpp/Exception.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "fuzz/fuzz_input.h"
#include "import/jsonl_shard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ascolto;
  if (size > kMaxFuzzInput) return 0;
  namespace fs = std::filesystem;
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ascolto-fuzz-shard-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  const fs::path input = dir / "in.jsonl", shard = dir / "shard.db";
  std::ofstream(input, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  for (const char* ext : {"", "-wal", "-shm", "-journal"}) fs::remove(shard.string() + ext);
  try {
    jsonl_to_shard(input.string(), shard.string());
  } catch (const AscoltoError&) {
    // Refused with a message: what bad input must get.
  } catch (const SQLite::Exception&) {
    // The store refused a value (a typed error the CLI maps to exit 3).
  }
  return 0;
}

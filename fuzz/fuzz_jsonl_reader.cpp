// libFuzzer target: the JSONL reader and the row mapper on arbitrary bytes.
#include "fuzz/fuzz_input.h"
#include "io/line_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ascolto;
  if (size > kMaxFuzzInput) return 0;
  return drain_reader([&] { return std::make_unique<JsonlReader>(fuzz_source(data, size), 4096); });
}

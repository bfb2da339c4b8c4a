// libFuzzer target: the CSV reader (encoding detection, RFC 4180 state machine, delimiter and
// Qualtrics detection) and the row mapper on arbitrary bytes.
#include "fuzz/fuzz_input.h"
#include "io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ascolto;
  if (size > kMaxFuzzInput) return 0;
  return drain_reader(
      [&] { return std::make_unique<CsvReader>(fuzz_source(data, size), CsvOptions{}); });
}

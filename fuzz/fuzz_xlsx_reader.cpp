// libFuzzer target: the .xlsx reader (libzip container, expat parts: workbook, relationships,
// styles, shared strings, the streamed sheet) and the column inference and row mapper over it.
#include "fuzz/fuzz_input.h"
#include "io/sampled_reader.h"
#include "io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ascolto;
  if (size > kMaxFuzzInput) return 0;
  try {
    SampledReader reader(XlsxReader::from_bytes(
        std::string(reinterpret_cast<const char*>(data), size), "fuzz", "", 4096));
    RowMapper mapper(reader, {}, "fuzz");
    RawRecord rec;
    while (reader.next(rec)) mapper.map(rec);
  } catch (const InputError&) {
    // Not a workbook, no header, no comment column: valid outcomes.
  }
  return 0;
}

// Shared by the reader fuzzers: reads every record of a reader built over the fuzz input and maps
// it to rows, as `analyze` does, so the readers and the RowMapper see the same hostile bytes.
//
//   return drain_reader([&] { return std::make_unique<CsvReader>(source(data, size), {}); });
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/error.h"
#include "io/record.h"
#include "io/row_mapper.h"
#include "io/utf8_source.h"

namespace ascolto {

// Inputs past this size only slow the fuzzer down; the readers stream in chunks anyway.
constexpr std::size_t kMaxFuzzInput = 256 * 1024;

inline std::unique_ptr<Utf8Source> fuzz_source(const std::uint8_t* data, std::size_t size) {
  return Utf8Source::from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz", "");
}

template <typename MakeReader>
int drain_reader(MakeReader make_reader) {
  try {
    auto reader = make_reader();
    RowMapper mapper(reader->header(), {}, "fuzz");
    RawRecord rec;
    while (reader->next(rec)) mapper.map(rec);
  } catch (const InputError&) {
    // A file-level rejection (no header, no comment column) is a valid outcome.
  }
  return 0;
}

}  // namespace ascolto

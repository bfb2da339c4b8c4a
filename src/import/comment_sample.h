// The first comments of an import's files, read before the import itself so that the domain packs
// can be chosen from their vocabulary (`analyze --pack auto`, the default). The files are opened
// and mapped exactly as the import will (same reader and column options) and closed again; a
// file that cannot be opened or mapped is skipped here, the import reports it. Standard input
// ("-") is sampled through `reader.standard_input` (skipped when that is null): the sample peeks
// at no more than its first `stdin_bytes`, which are kept in memory and replayed to the import
// before the rest of the stream (io/peekable_input.h), so no byte is read twice or lost.
//
//   reader_options.standard_input = std::make_shared<PeekableInput>(stdin, "<stdin>");
//   std::vector<std::string> sample = sample_comments(files, reader_options, column_options);
//   PackDetection d = detect_packs(lexicon_dir, sample);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/column_mapping.h"
#include "io/open_reader.h"

namespace ascolto {

// The bytes of standard input a sample may keep in memory.
inline constexpr std::size_t kStdinSampleBytes = 4 << 20;

// Up to `limit` non-empty comments, taken from the files in order.
std::vector<std::string> sample_comments(const std::vector<std::string>& files,
                                         const ReaderOptions& reader, const ColumnOptions& columns,
                                         std::size_t limit = 1000,
                                         std::size_t stdin_bytes = kStdinSampleBytes);

}  // namespace ascolto

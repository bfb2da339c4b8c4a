// The first comments of an import's files, read before the import itself so that the domain packs
// can be chosen from their vocabulary (`analyze --pack auto`, the default). The files are opened
// and mapped exactly as the import will (same reader and column options) and closed again; a
// file that cannot be opened or mapped is skipped here, the import reports it. Standard input is
// skipped: it cannot be read twice.
//
//   std::vector<std::string> sample = sample_comments(files, reader_options, column_options);
//   PackDetection d = detect_packs(lexicon_dir, sample);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/column_mapping.h"
#include "io/open_reader.h"

namespace ascolto {

// Up to `limit` non-empty comments, taken from the files in order.
std::vector<std::string> sample_comments(const std::vector<std::string>& files,
                                         const ReaderOptions& reader, const ColumnOptions& columns,
                                         std::size_t limit = 1000);

}  // namespace ascolto

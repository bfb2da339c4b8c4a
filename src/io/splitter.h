// Cuts a big CSV/TSV, JSONL or plain-lines input into N part files at record boundaries, for
// machines that cannot read the original (when they can, `analyze --part K/N` on the whole file
// is simpler and exact in every case, see import/partition.h). The records are found by the same
// readers analyze uses (quoted line ends, CRLF/CR, BOMs, every encoding they accept), then the
// text is copied line by line: each part is the header lines followed by its records exactly as
// they were, in UTF-8 (a byte ill-formed in the source encoding stays ill-formed, and its record
// is rejected as in a single run). Parts hold equal numbers of records (the last N-1 may hold one
// fewer); an input with fewer records than N gets one part per record.
//
// Each part's origin (the input's name, its first line and data row) goes to a manifest,
// `.ascolto-split.json` in the output folder (hidden, so `parts/*` names only the parts).
// `analyze` looks for it beside each input and reads a listed part as the original: rows are
// named, numbered and keyed as in a single run (source file, line numbers in errors and rejects,
// the keys of rows without an id, identical rows in earlier parts counted). What a part cannot
// know: its columns and packs are found from its own first rows (give the column options and
// --pack when in doubt), and an id repeated in two parts is not a duplicate within either.
//
//   SplitResult r = split_file("export.csv", {}, 8, "parts");   // parts/export.part-1-of-8.csv
//   std::optional<SplitOrigin> o = split_origin("parts/export.part-3-of-8.csv");
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/open_reader.h"
#include "io/record.h"

namespace ascolto {

inline constexpr const char* kSplitManifest = ".ascolto-split.json";

struct SplitPart {
  std::string path;         // the part file written
  std::size_t first_line;   // the input's line where the part's first record starts
  std::size_t first_row;    // that record's data row number in the input (1-based)
  std::size_t records = 0;  // records in the part, malformed ones included
  std::uint64_t bytes = 0;  // the part's size
};

struct SplitResult {
  std::string format;        // as the reader describes the input ("CSV ',' UTF-8")
  std::size_t header_lines;  // lines before the first record, copied at the top of every part
  std::vector<SplitPart> parts;
};

// Splits `path` into `parts` files in `out_dir` (created if needed) and records them in its
// manifest (entries for other inputs split into the same folder are kept). Throws UsageError for
// standard input or a workbook (.xlsx: save it as CSV first, or use analyze --part), InputError
// when the input cannot be read, OutputError when a part or the manifest cannot be written.
SplitResult split_file(const std::string& path, const ReaderOptions& options, std::size_t parts,
                       const std::string& out_dir);

// Where a part came from, as its folder's manifest says.
struct SplitOrigin {
  std::string source;           // the input's path as given to split
  std::size_t line_offset = 0;  // add to the part's line numbers for the input's
  std::size_t row_offset = 0;   // add to the part's data row numbers for the input's
  // Rows of the part without an id are keyed by their content and how many identical rows came
  // before in the file (RowMapper): the identical rows earlier parts hold, by content hash.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> earlier_copies;

  // Renumbers a record the part's reader read as the input's.
  void apply(RawRecord& rec) const {
    rec.line += line_offset;
    rec.row_number += row_offset;
    if (rec.error && rec.error->line > 0) rec.error->line += line_offset;
  }
};

// The origin of `path` when a manifest beside it lists it; nullopt otherwise. Throws InputError
// when the manifest lists it with another size (the part was changed after the split, so its
// line numbers would be wrong) or the manifest cannot be parsed.
std::optional<SplitOrigin> split_origin(const std::string& path);

}  // namespace ascolto

// What the first rows of an export say about one column, for infer_columns: how many values are
// dates, 0-10 scores, numbers, e-mails, booleans or NPS groups (Promoter/Passivo...), how many
// are distinct, how long they are, and whether they count 1, 2, 3... (a row number). Missing
// markers (NA, N/A, null, -, #N/D) count as empty.
//
//   ColumnProfile p = profile_column(sample, 3);
//   if (p.mostly(p.dates)) ...;
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/record.h"

namespace ascolto {

struct ColumnProfile {
  std::size_t nonempty = 0, dates = 0, scores = 0, numbers = 0, emails = 0, booleans = 0,
              groups = 0, letters = 0, distinct = 0, max_len = 0, total_len = 0;
  bool sequential = true;           // 1, 2, 3... (a row number, never a score)
  std::vector<std::string> values;  // the non-empty values, trimmed (the first 1000)

  double avg_len() const { return nonempty ? double(total_len) / double(nonempty) : 0; }
  // At least 90% of the non-empty values.
  bool mostly(std::size_t n) const { return nonempty > 0 && n * 10 >= nonempty * 9; }
};

ColumnProfile profile_column(const std::vector<RawRecord>& sample, std::size_t column);

// Cell text helpers shared by the column mapping.
namespace cell_text {
std::string lower_ascii(std::string s);
std::string trim(std::string_view s);
std::string without_bom(std::string_view cell);
}  // namespace cell_text

}  // namespace ascolto

// The import's one duplicate-id checker: a source key met a second time in the same run is a
// duplicate response, and the later row is rejected with `duplicate_id_reason`. It keeps the
// 64-bit hash of each key (SeenHashes: 8 to 16 bytes per row), with or without a database.
//
//   DuplicateIds ids;
//   if (!ids.first_time(row)) reject(duplicate_id_reason(row, id_column));
#pragma once

#include <string>

#include "common/seen_hashes.h"
#include "io/input_row.h"

namespace ascolto {

class DuplicateIds {
 public:
  // True the first time `row.source_key` is met in this run.
  bool first_time(const InputRow& row);
  std::size_t size() const { return seen_.size(); }

 private:
  SeenHashes seen_;
};

// Why a row whose source key an earlier row of the same run had is rejected.
std::string duplicate_id_reason(const InputRow& row, const std::string& id_column);

}  // namespace ascolto

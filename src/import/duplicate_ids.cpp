#include "import/duplicate_ids.h"

#include "common/hash.h"

namespace ascolto {

bool DuplicateIds::first_time(const InputRow& row) {
  return seen_.insert(hash64(row.source_key));
}

std::string duplicate_id_reason(const InputRow& row, const std::string& id_column) {
  return "duplicate id '" + row.id + "' in column '" + id_column +
         "': an earlier row of this run has it (if the column identifies customers, not "
         "responses, pass --respondent-col '" +
         id_column + "')";
}

}  // namespace ascolto

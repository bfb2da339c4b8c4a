// Personal-data redaction of what an import stores, writes or prints: the one place the import
// calls the redactor, so that every field goes through the same rules (and a different policy,
// e.g. a keyed hash for ids, is swapped in here only). Thread-safe; counts are returned, not kept.
//
//   RowRedaction redaction(/*enabled=*/true);
//   PiiCounts n = redaction.row(input_row);      // comment, ids, segments, field problems
//   n += redaction.rejected(rejected_row);       // raw record and reason
#pragma once

#include <memory>
#include <string>

#include "io/input_row.h"
#include "privacy/redactor.h"

namespace ascolto {

class RowRedaction {
 public:
  explicit RowRedaction(bool enabled);
  ~RowRedaction();

  bool enabled() const { return redactor_ != nullptr; }
  // Redacts a row the reader mapped, before it is analysed, stored or written: the comment,
  // segment values and field problems; e-mail addresses in the response id (and its source key)
  // and the respondent.
  PiiCounts row(InputRow& row) const;
  // Redacts a rejected row's raw record (its comment, counted) and its reason.
  PiiCounts rejected(RejectedRow& rejected) const;
  // Redacts a message that may quote input values (stderr, the rejects table); not counted.
  void message(std::string& text) const;

 private:
  PiiCounts id(std::string& id, std::string* source_key) const;

  std::unique_ptr<Redactor> redactor_;
};

}  // namespace ascolto

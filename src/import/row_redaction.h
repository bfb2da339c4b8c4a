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
#include "privacy/pseudonym.h"
#include "privacy/redactor.h"

namespace ascolto {

class RowRedaction {
 public:
  // `key_hex`: the pseudonym key of ids (64 hex digits, PseudonymKey::hex); empty or invalid: a
  // random key, so pseudonyms are stable within this object only.
  explicit RowRedaction(bool enabled, const std::string& key_hex = "");
  ~RowRedaction();

  bool enabled() const { return redactor_ != nullptr; }
  // Redacts a row the reader mapped, before it is analysed, stored or written: the comment,
  // segment values and field problems; in the response id (and its source key) and the
  // respondent, each identifier becomes a keyed pseudonym "[EMAIL:16 hex]" so ids stay keys.
  // Card and IBAN checksums are not applied to ids (a long number passes them by chance), and an
  // id of digits only is pseudonymized only when the whole id (9 to 13 digits) reads as a phone.
  PiiCounts row(InputRow& row) const;
  // Only the response id and its source key, as row() would: for a row another part of a
  // partitioned run analyses, which still takes part in the duplicate-id check.
  void key(InputRow& row) const;
  // Redacts a rejected row's raw record (its comment, counted) and its reason.
  PiiCounts rejected(RejectedRow& rejected) const;
  // Redacts a message that may quote input values (stderr, the rejects table); not counted.
  void message(std::string& text) const;

 private:
  PiiCounts id(std::string& id, std::string* source_key) const;

  std::unique_ptr<Redactor> redactor_;
  std::unique_ptr<Pseudonymizer> pseudonyms_;
};

}  // namespace ascolto

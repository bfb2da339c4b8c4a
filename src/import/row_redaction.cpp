#include "import/row_redaction.h"

#include <cstdio>

#include "common/hash.h"

namespace ascolto {

RowRedaction::RowRedaction(bool enabled)
    : redactor_(enabled ? std::make_unique<Redactor>() : nullptr) {}

RowRedaction::~RowRedaction() = default;

PiiCounts RowRedaction::row(InputRow& row) const {
  if (!redactor_) return {};
  PiiCounts counts = redactor_->redact(row.text);
  counts += id(row.id, &row.source_key);
  counts += id(row.respondent, nullptr);
  for (auto& [name, value] : row.segments) counts += redactor_->redact(value);
  for (FieldIssue& issue : row.issues) redactor_->redact(issue.reason);
  return counts;
}

// An id with an e-mail address in it (an address as the response or customer id) is stored
// redacted; its source key keeps it apart from other redacted ids with a hash of the original,
// so re-imports still find it. Only e-mails: long numeric ids (order numbers, tweet ids) pass the
// card and phone checks by chance, and an id must stay a usable key. (To become a keyed hash of
// the whole id: a plain hash can be guessed, and phones in ids are not caught yet.)
PiiCounts RowRedaction::id(std::string& id, std::string* source_key) const {
  if (id.empty() || id.find('@') == std::string::npos) return {};
  std::string redacted = id;
  const PiiCounts counts = redactor_->redact(redacted);
  if (counts[PiiKind::Email] == 0) return {};
  if (source_key != nullptr && *source_key == "id:" + id) {
    char suffix[20];
    std::snprintf(suffix, sizeof suffix, "#%016llx", static_cast<unsigned long long>(hash64(id)));
    *source_key = "id:" + redacted + suffix;
  }
  id = std::move(redacted);
  return counts;
}

PiiCounts RowRedaction::rejected(RejectedRow& rejected) const {
  if (!redactor_) return {};
  redactor_->redact(rejected.reason);
  return redactor_->redact(rejected.raw);
}

void RowRedaction::message(std::string& text) const {
  if (redactor_) redactor_->redact(text);
}

}  // namespace ascolto

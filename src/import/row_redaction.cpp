#include "import/row_redaction.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace ascolto {

RowRedaction::RowRedaction(bool enabled, const std::string& key_hex)
    : redactor_(enabled ? std::make_unique<Redactor>() : nullptr) {
  if (!redactor_) return;
  const std::optional<PseudonymKey> key = PseudonymKey::from_hex(key_hex);
  pseudonyms_ = std::make_unique<Pseudonymizer>(*redactor_, key ? *key : PseudonymKey::generate());
}

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

void RowRedaction::key(InputRow& row) const {
  if (redactor_) id(row.id, &row.source_key);
}

// An id with personal data in it (an e-mail address or a phone number as the response or
// customer id) is stored with each identifier replaced by its keyed pseudonym, so the same id
// gives the same key on every run into the same database and re-imports still find it.
PiiCounts RowRedaction::id(std::string& id, std::string* source_key) const {
  if (id.empty()) return {};
  const bool digits_only =
      std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
  // A number as id (order, ticket, tweet id) is a phone only when it is the whole id.
  if (digits_only && (id.size() < 9 || id.size() > 13)) return {};
  std::vector<PiiMatch> found = redactor_->find(id);
  // Card and IBAN checks are digit checksums that one long number in ten passes by chance
  // ("sp-122449983151669248"); a payment number is no one's customer id, so ids keep them.
  std::erase_if(found, [&](const PiiMatch& m) {
    return m.kind == PiiKind::Card || m.kind == PiiKind::Iban ||
           (digits_only && (m.kind != PiiKind::Phone || m.begin != 0 || m.end != id.size()));
  });
  if (found.empty()) return {};
  const std::string original = id;
  id = replace_matches(original, found, [&](const PiiMatch& m) {
    return pseudonyms_->pseudonym(m.kind,
                                  std::string_view(original).substr(m.begin, m.end - m.begin));
  });
  if (source_key != nullptr && *source_key == "id:" + original) *source_key = "id:" + id;
  return count(found);
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

#include "import/row_redaction.h"

namespace ascolto {

RowRedaction::RowRedaction(bool enabled)
    : redactor_(enabled ? std::make_unique<Redactor>() : nullptr) {}

RowRedaction::~RowRedaction() = default;

PiiCounts RowRedaction::row(InputRow& row) const {
  if (!redactor_) return {};
  return redactor_->redact(row.text);
}

PiiCounts RowRedaction::rejected(RejectedRow& rejected) const {
  if (!redactor_) return {};
  return redactor_->redact(rejected.raw);
}

void RowRedaction::message(std::string& text) const {
  if (redactor_) redactor_->redact(text);
}

}  // namespace ascolto

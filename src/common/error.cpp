#include "common/error.h"

namespace ascolto {

std::string SourcePos::str() const {
  std::string out = file.empty() ? "<input>" : file;
  if (line > 0) out += ":" + std::to_string(line);
  if (column > 0) out += ":" + std::to_string(column);
  return out;
}

InputError::InputError(SourcePos pos, const std::string& what)
    : AscoltoError(pos.str() + ": " + what), pos_(std::move(pos)) {}

LexiconError::LexiconError(SourcePos pos, const std::string& what)
    : AscoltoError(pos.str() + ": " + what), pos_(std::move(pos)) {}

}  // namespace ascolto

#include "io/text_spool.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/error.h"

namespace ascolto {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

[[noreturn]] void spool_failed(const char* what) {
  throw InputError({"<temporary file>", 0, 0}, std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

TextSpool::~TextSpool() {
  if (file_ != nullptr) std::fclose(file_);
}

void TextSpool::append(std::string_view text) {
  const std::size_t room = memory_limit_ - std::min(memory_limit_, memory_.size());
  memory_.append(text.substr(0, room));
  if (text.size() <= room) return;
  text.remove_prefix(room);
  if (file_ == nullptr && (file_ = std::tmpfile()) == nullptr) {
    spool_failed("cannot create a temporary file");
  }
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    spool_failed("cannot write a temporary file");
  }
}

bool TextSpool::read(std::string& chunk) {
  chunk.clear();
  if (!reading_) {
    reading_ = true;
    if (file_ != nullptr && (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)) {
      spool_failed("cannot read back a temporary file");
    }
  }
  if (memory_read_ < memory_.size()) {
    chunk = memory_.substr(memory_read_, kChunk);
    memory_read_ += chunk.size();
    return true;
  }
  if (file_ == nullptr) return false;
  chunk.resize(kChunk);
  chunk.resize(std::fread(chunk.data(), 1, kChunk, file_));
  if (chunk.empty() && std::ferror(file_)) spool_failed("cannot read back a temporary file");
  return !chunk.empty();
}

}  // namespace ascolto

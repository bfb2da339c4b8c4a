#include "common/seen_hashes.h"

namespace ascolto {

bool SeenHashes::insert(std::uint64_t h) {
  if (h == 0) {
    const bool fresh = !has_zero_;
    has_zero_ = true;
    return fresh;
  }
  // At most half full: probe runs stay short.
  if (2 * (size_ + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == h) return false;
    if (slots_[i] == 0) {
      slots_[i] = h;
      ++size_;
      return true;
    }
  }
}

bool SeenHashes::contains(std::uint64_t h) const {
  if (h == 0) return has_zero_;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask; slots_[i] != 0; i = (i + 1) & mask) {
    if (slots_[i] == h) return true;
  }
  return false;
}

void SeenHashes::clear() {
  *this = SeenHashes();
}

void SeenHashes::grow() {
  std::vector<std::uint64_t> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t h : old) {
    if (h == 0) continue;
    std::size_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = h;
  }
}

}  // namespace ascolto

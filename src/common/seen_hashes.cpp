#include "common/seen_hashes.h"

namespace ascolto {

std::size_t SeenHashes::slot_of(std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & mask;
  return i;
}

bool SeenHashes::insert(std::uint64_t h) {
  if (h == 0) {
    const bool fresh = !has_zero_;
    has_zero_ = true;
    return fresh;
  }
  // At most half full: probe runs stay short.
  if (2 * (size_ + 1) > slots_.size()) grow();
  std::uint64_t& slot = slots_[slot_of(h)];
  if (slot == h) return false;
  slot = h;
  ++size_;
  return true;
}

bool SeenHashes::contains(std::uint64_t h) const {
  return h == 0 ? has_zero_ : slots_[slot_of(h)] == h;
}

void SeenHashes::clear() {
  *this = SeenHashes();
}

void SeenHashes::grow() {
  std::vector<std::uint64_t> old(slots_.size() * 2);
  old.swap(slots_);
  for (const std::uint64_t h : old) {
    if (h != 0) slots_[slot_of(h)] = h;
  }
}

}  // namespace ascolto

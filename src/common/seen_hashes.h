// The set of 64-bit hashes seen so far, for rejecting a repeated id within a run: open addressing
// in one flat array, so a lookup is one cache line and a hash costs 8 to 16 bytes
// (std::unordered_set: a node, its allocation header and a bucket, ~40). The hashes are XXH3
// values, already uniform: their low bits pick the slot.
//
//   SeenHashes seen;
//   seen.insert(hash64("id:17"));   // true: new
//   seen.insert(hash64("id:17"));   // false: seen before
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ascolto {

class SeenHashes {
 public:
  // Adds `h`; false if it was already there.
  bool insert(std::uint64_t h);
  bool contains(std::uint64_t h) const;
  void clear();
  std::size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

 private:
  // The slot that holds `h` (not 0), else the free slot where its probe run ends.
  std::size_t slot_of(std::uint64_t h) const;
  void grow();

  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024);  // 0 marks a free slot
  std::size_t size_ = 0;                                                 // non-zero hashes stored
  bool has_zero_ = false;  // the one hash that cannot be stored in a slot
};

}  // namespace ascolto

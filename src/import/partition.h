// One part of an import cut in N for N machines (`analyze --part K/N`): every part reads the
// whole input, as a single run would (same column mapping, line numbers, source keys, duplicate
// ids), and analyses and stores only its own records. Records are dealt out in blocks of
// kPartBlock in input order, round robin (block b goes to part b % N + 1), so the parts are
// balanced without knowing the total and the parts' shards hold each row exactly once.
//
//   Partition p = parse_partition("3/8");
//   if (p.owns(record_index)) analyse(record);   // record_index: 0-based over the whole run
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace ascolto {

inline constexpr std::uint64_t kPartBlock = 1000;

struct Partition {
  std::size_t part = 1;   // 1-based
  std::size_t parts = 1;  // 1: the whole input

  bool whole() const { return parts == 1; }
  bool owns(std::uint64_t record_index) const {
    return whole() || (record_index / kPartBlock) % parts == part - 1;
  }
  // "3/8"
  std::string str() const { return std::to_string(part) + "/" + std::to_string(parts); }
};

// Parses "K/N" with 1 <= K <= N <= 100000; throws UsageError naming the option otherwise.
Partition parse_partition(const std::string& text);

}  // namespace ascolto

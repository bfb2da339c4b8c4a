// One part of an import cut in N for N machines (`analyze --part K/N`): part K owns the K-th of
// N equal runs of consecutive records of the whole input (all its files, in order), so the shards
// merged in part order hold the rows in input order, with the ids a single import gives. Every
// part first counts the records (a read without analysis), then reads from the start, as a single
// run would (same column mapping, line numbers, source keys, duplicate ids), analyses and stores
// its own records and stops after them.
//
//   const Partition p = parse_partition("3/8");
//   const PartRange r = p.range(count);   // records [r.first, r.end) of the whole run
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

namespace ascolto {

struct PartRange {
  std::uint64_t first = 0;
  std::uint64_t end = std::numeric_limits<std::uint64_t>::max();
  bool owns(std::uint64_t record_index) const {
    return record_index >= first && record_index < end;
  }
};

struct Partition {
  std::size_t part = 1;   // 1-based
  std::size_t parts = 1;  // 1: the whole input

  bool whole() const { return parts == 1; }
  // This part's records when the input holds `records` (0-based indexes over the whole run).
  // The last part also owns any record past `records`, so every record has exactly one owner
  // whatever the count.
  PartRange range(std::uint64_t records) const;
  // "3/8"
  std::string str() const { return std::to_string(part) + "/" + std::to_string(parts); }
};

// Parses "K/N" with 1 <= K <= N <= 100000; throws UsageError naming the option otherwise.
Partition parse_partition(const std::string& text);

}  // namespace ascolto

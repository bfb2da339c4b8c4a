#include "import/partition.h"

#include <charconv>

#include "common/error.h"

namespace ascolto {
namespace {

constexpr std::size_t kMaxParts = 100000;

bool parse_number(const std::string& text, std::size_t& out) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

PartRange Partition::range(std::uint64_t records) const {
  PartRange r;
  if (whole()) return r;
  // Products fit: records < 2^64 / 100000 for any input that exists.
  r.first = records * (part - 1) / parts;
  if (part < parts) r.end = records * part / parts;
  return r;
}

Partition parse_partition(const std::string& text) {
  const auto slash = text.find('/');
  Partition p;
  if (slash == std::string::npos || !parse_number(text.substr(0, slash), p.part) ||
      !parse_number(text.substr(slash + 1), p.parts) || p.parts < 1 || p.parts > kMaxParts ||
      p.part < 1 || p.part > p.parts) {
    throw UsageError("--part must be K/N with 1 <= K <= N <= " + std::to_string(kMaxParts) +
                     " (got '" + text + "')");
  }
  return p;
}

}  // namespace ascolto

// Personal-data redaction throughput on real text: every line of the files given is redacted as
// one comment, `rounds` times over; prints MB/s, lines/s and what was redacted per kind.
//
//   build/bench/redact 9 comments.txt
//   build/bench/redact 0 comments.txt     # prints each line redacted instead (to diff rule
//   changes)
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "privacy/redactor.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: redact ROUNDS FILE...\n";
    return 2;
  }
  const int rounds = std::atoi(argv[1]);
  std::vector<std::string> lines;
  std::size_t bytes = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i]);
    if (!in) {
      std::cerr << "cannot read " << argv[i] << "\n";
      return 2;
    }
    for (std::string line; std::getline(in, line);) {
      bytes += line.size();
      lines.push_back(std::move(line));
    }
  }
  const ascolto::Redactor redactor;
  if (rounds == 0) {
    for (std::string& line : lines) {
      redactor.redact(line);
      std::cout << line << "\n";
    }
    return 0;
  }
  ascolto::PiiCounts counts;
  double best = 1e300;
  for (int r = 0; r < rounds; ++r) {
    std::vector<std::string> copy = lines;
    ascolto::PiiCounts round_counts;
    const auto start = std::chrono::steady_clock::now();
    for (std::string& line : copy) round_counts += redactor.redact(line);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (took.count() < best) best = took.count();
    counts = round_counts;
  }
  std::cout << lines.size() << " lines, " << bytes / 1e6 << " MB, best of " << rounds << ": "
            << best * 1e3 << " ms = " << bytes / 1e6 / best << " MB/s, "
            << static_cast<double>(lines.size()) / best << " lines/s\n";
  for (std::size_t k = 0; k < ascolto::kPiiKinds; ++k) {
    const auto kind = static_cast<ascolto::PiiKind>(k);
    std::cout << "  " << ascolto::pii_kind_name(kind) << ": " << counts[kind] << "\n";
  }
}

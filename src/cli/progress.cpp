#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace ascolto {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kShownProblems = 20;  // problems printed one by one before summarising

}  // namespace

AnalyzeDisplay::AnalyzeDisplay()
    : terminal_(isatty(STDERR_FILENO) == 1), start_(Clock::now()), last_(start_) {}

double AnalyzeDisplay::elapsed() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

void AnalyzeDisplay::problem(const std::string& where, const std::string& kind,
                             const std::string& reason) {
  if (++problems_ <= kShownProblems) std::cerr << where << ": " << kind << ": " << reason << "\n";
}

void AnalyzeDisplay::columns(const std::string& file, const std::string& describe,
                             const std::vector<std::string>& warnings) {
  if (terminal_ && latest_.rows > 0) std::cerr << "\n";
  std::cerr << file << ": columns: " << describe << "\n";
  for (const std::string& w : warnings) std::cerr << file << ": warning: " << w << "\n";
}

void AnalyzeDisplay::progress(const ImportProgress& p) {
  latest_ = p;
  if (!terminal_) return;
  const auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  print(p);
}

void AnalyzeDisplay::print(const ImportProgress& p) {
  const double secs = elapsed();
  std::fprintf(stderr, "\r%lld rows  %.0f rows/s  %.1f s elapsed   ",
               static_cast<long long>(p.rows), secs > 0 ? static_cast<double>(p.rows) / secs : 0.0,
               secs);
}

void AnalyzeDisplay::finish() {
  if (terminal_) {
    print(latest_);
    std::fputc('\n', stderr);
  }
  if (problems_ > kShownProblems) {
    std::cerr << "... and " << problems_ - kShownProblems
              << " more problems (all are in the rejects table)\n";
  }
}

}  // namespace ascolto

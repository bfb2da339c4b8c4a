#include "analysis/batch.h"

#include <algorithm>
#include <thread>

namespace ascolto {
namespace {

void analyse_range(Analyzer& a, std::vector<AnalysedRow>& rows, std::size_t begin,
                   std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) rows[i].analysis = a.analyze(rows[i].row.text);
}

}  // namespace

BatchAnalyzer::BatchAnalyzer(const Lexicons& lexicons, Lang forced, unsigned threads) {
  for (unsigned i = 0; i < std::max(1u, threads); ++i) {
    analyzers_.push_back(std::make_unique<Analyzer>(lexicons, forced));
  }
}

void BatchAnalyzer::run(std::vector<AnalysedRow>& rows) {
  const std::size_t n = analyzers_.size();
  if (n == 1 || rows.size() < 2 * n) {
    analyse_range(*analyzers_[0], rows, 0, rows.size());
    return;
  }
  // Contiguous slices: each thread writes only its own rows, so no locking is needed.
  const std::size_t per = (rows.size() + n - 1) / n;
  std::vector<std::jthread> workers;
  for (std::size_t t = 1; t < n; ++t) {
    const std::size_t b = std::min(rows.size(), t * per), e = std::min(rows.size(), b + per);
    workers.emplace_back([this, &rows, t, b, e] { analyse_range(*analyzers_[t], rows, b, e); });
  }
  analyse_range(*analyzers_[0], rows, 0, std::min(rows.size(), per));
}

}  // namespace ascolto

// Analyses a batch of input rows on several threads, each with its own Analyzer (ICU iterators
// are per thread), keeping the rows' order: results are identical whatever the thread count.
//
//   BatchAnalyzer batch(lexicons, Lang::Und, 4);
//   batch.run(rows);   // fills rows[i].analysis
#pragma once

#include <memory>
#include <vector>

#include "analysis/analyzer.h"
#include "io/input_row.h"

namespace ascolto {

struct AnalysedRow {
  InputRow row;
  Analysis analysis;
};

class BatchAnalyzer {
 public:
  BatchAnalyzer(const Lexicons& lexicons, Lang forced, unsigned threads);
  void run(std::vector<AnalysedRow>& rows);

 private:
  std::vector<std::unique_ptr<Analyzer>> analyzers_;
};

}  // namespace ascolto

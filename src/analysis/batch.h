// What flows through `analyze`: batches of input rows in input order, each row with its analysis
// once a worker has run, plus what the reader could not turn into rows.
#pragma once

#include <vector>

#include "analysis/analyzer.h"
#include "io/input_row.h"

namespace ascolto {

struct AnalysedRow {
  InputRow row;
  Analysis analysis;
};

struct Batch {
  std::vector<AnalysedRow> rows;
  std::vector<RejectedRow> rejects;     // rows the reader rejected (severity 'row')
  std::vector<RejectedRow> unreadable;  // inputs that could not be read on (severity 'file')
  std::size_t size() const { return rows.size() + rejects.size(); }
};

}  // namespace ascolto

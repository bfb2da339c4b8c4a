// Reader -> N analysis workers -> one writer. The caller (the reader) submits batches; workers
// analyse them with one Analyzer each (ICU iterators are per thread); a single writer thread hands
// them to the sink strictly in submission order, so output and database contents are identical
// whatever the number of workers. At most `capacity` batches are in flight (queued, being
// analysed or waiting for their turn): submit() blocks beyond that, so memory stays flat whatever
// the input size.
//
//   AnalysisPipeline p(lexicons, Lang::Und, 4, [&](Batch& b) { store.write_batch(...); });
//   p.submit(std::move(batch));   // batch boundaries are the caller's: check for interrupts here
//   p.finish();                   // drains; rethrows the first worker or sink exception
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "analysis/batch.h"

namespace ascolto {

// Seconds spent per stage, summed over threads (so with N workers they can exceed wall time).
struct StageTimes {
  AnalysisTimes analysis;
  double write = 0;  // the sink: JSON lines and the store
};

class AnalysisPipeline {
 public:
  using Sink = std::function<void(Batch&)>;

  // `timed` measures the stages (a few clock reads per comment).
  AnalysisPipeline(const Lexicons& lexicons, Lang forced, unsigned workers, Sink sink,
                   bool timed = false);
  ~AnalysisPipeline();  // stops the threads; batches not yet written are dropped
  AnalysisPipeline(const AnalysisPipeline&) = delete;
  AnalysisPipeline& operator=(const AnalysisPipeline&) = delete;

  void submit(Batch batch);
  void finish();

  unsigned workers() const { return static_cast<unsigned>(analyzers_.size()); }
  // Valid after finish().
  StageTimes times() const;

 private:
  void work(Analyzer& analyzer);
  void write();
  void analyse(Analyzer& analyzer, Batch& batch) const;
  void deliver(Batch& batch);
  void fail(std::exception_ptr error);

  Sink sink_;
  std::vector<std::unique_ptr<Analyzer>> analyzers_;
  const std::size_t capacity_;
  double write_seconds_ = 0;
  bool timed_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::uint64_t, Batch>> queued_;
  std::map<std::uint64_t, Batch> analysed_;  // waiting for the earlier batches to be written
  std::uint64_t submitted_ = 0, written_ = 0;
  bool closing_ = false, stopping_ = false;
  std::exception_ptr error_;
  std::vector<std::jthread> threads_;  // last member: joined before the state above goes
};

}  // namespace ascolto

#include "analysis/pipeline.h"

#include <algorithm>

namespace ascolto {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

AnalysisPipeline::AnalysisPipeline(const Lexicons& lexicons, Lang forced, unsigned workers,
                                   Sink sink, bool timed)
    : sink_(std::move(sink)), capacity_(2 * std::max(1u, workers) + 2), timed_(timed) {
  for (unsigned i = 0; i < std::max(1u, workers); ++i) {
    analyzers_.push_back(std::make_unique<Analyzer>(lexicons, forced));
    if (timed) analyzers_.back()->enable_timing();
  }
  // Even with one worker the reader, the worker and the writer are three threads: reading and
  // writing overlap the analysis.
  for (auto& a : analyzers_) threads_.emplace_back([this, &a] { work(*a); });
  threads_.emplace_back([this] { write(); });
}

AnalysisPipeline::~AnalysisPipeline() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
}

void AnalysisPipeline::analyse(Analyzer& analyzer, Batch& batch) const {
  for (AnalysedRow& r : batch.rows) r.analysis = analyzer.analyze(r.row.text);
}

void AnalysisPipeline::deliver(Batch& batch) {
  const auto start = Clock::now();
  sink_(batch);
  if (timed_) write_seconds_ += seconds_since(start);
}

void AnalysisPipeline::fail(std::exception_ptr error) {
  {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = error;
  }
  changed_.notify_all();
}

void AnalysisPipeline::submit(Batch batch) {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ || submitted_ - written_ < capacity_; });
    if (error_) std::rethrow_exception(error_);
    queued_.emplace_back(submitted_++, std::move(batch));
  }
  changed_.notify_all();
}

void AnalysisPipeline::work(Analyzer& analyzer) {
  for (;;) {
    std::pair<std::uint64_t, Batch> item;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !queued_.empty() || closing_ || stopping_ || error_; });
      if (stopping_ || error_ || queued_.empty()) return;
      item = std::move(queued_.front());
      queued_.pop_front();
    }
    try {
      analyse(analyzer, item.second);
    } catch (...) {
      fail(std::current_exception());
      return;
    }
    {
      std::lock_guard lock(mutex_);
      analysed_.emplace(item.first, std::move(item.second));
    }
    changed_.notify_all();
  }
}

void AnalysisPipeline::write() {
  for (;;) {
    Batch batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] {
        return analysed_.contains(written_) || stopping_ || error_ ||
               (closing_ && written_ == submitted_);
      });
      if (stopping_ || error_ || !analysed_.contains(written_)) return;
      batch = std::move(analysed_.extract(written_).mapped());
    }
    try {
      deliver(batch);
    } catch (...) {
      fail(std::current_exception());
      return;
    }
    {
      std::lock_guard lock(mutex_);
      ++written_;
    }
    changed_.notify_all();
  }
}

void AnalysisPipeline::finish() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  threads_.clear();  // joins
  if (error_) std::rethrow_exception(error_);
}

StageTimes AnalysisPipeline::times() const {
  StageTimes t;
  for (const auto& a : analyzers_) t.analysis += a->times();
  t.write = write_seconds_;
  return t;
}

}  // namespace ascolto

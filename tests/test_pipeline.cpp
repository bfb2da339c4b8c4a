// The reader -> workers -> writer pipeline: order, identical results whatever the worker count,
// bounded batches in flight, and errors from a worker's sink reaching the caller.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>

#include "analysis/pipeline.h"
#include "import/json_output.h"
#include "helpers.h"

using namespace ascolto;
using ascolto::testing::shipped;

namespace {

const char* const kComments[] = {
    "Consegna velocissima e prodotto ottimo, ma il rimborso non è mai arrivato :(",
    "The staff were friendly and helpful but the app keeps crashing at checkout!",
    "Ho chiamato tre volte e nessuno mi ha risposto 😡",
    "Great value for money 👍",
    "",
    "Prezzi aumentati senza preavviso... però personale gentile",
};

Batch make_batch(std::size_t first, std::size_t size) {
  Batch b;
  for (std::size_t i = first; i < first + size; ++i) {
    AnalysedRow r;
    r.row.row_number = i + 1;
    r.row.text = kComments[i % std::size(kComments)];
    b.rows.push_back(std::move(r));
    if (i % 5 == 0) b.rejects.push_back({"x.csv", i, 1, "reason " + std::to_string(i), "raw"});
  }
  return b;
}

// JSON lines and reject reasons of `batches` batches of `size` rows, as the sink saw them.
std::string run(unsigned workers, std::size_t batches, std::size_t size) {
  std::string seen;
  AnalysisPipeline p(shipped(), Lang::Und, workers, [&](Batch& b) {
    for (const RejectedRow& r : b.rejects) seen += r.reason + "\n";
    for (const AnalysedRow& r : b.rows) append_json_line(r, seen);
  });
  for (std::size_t i = 0; i < batches; ++i) p.submit(make_batch(i * size, size));
  p.finish();
  return seen;
}

}  // namespace

TEST_CASE("pipeline: any number of workers gives the sink the single-worker sequence") {
  const std::string one = run(1, 40, 13);
  CHECK(one.find("\"id\":\"1\"") != std::string::npos);
  CHECK(one.find("\"id\":\"520\"") != std::string::npos);
  CHECK(one.find("reason 515") != std::string::npos);
  for (const unsigned workers : {2u, 3u, 4u, 8u}) {
    CAPTURE(workers);
    CHECK(run(workers, 40, 13) == one);
  }
}

TEST_CASE("pipeline: submit blocks while the in-flight limit is reached") {
  for (const unsigned workers : {1u, 2u, 4u}) {
    CAPTURE(workers);
    std::atomic<std::size_t> delivered = 0;
    AnalysisPipeline p(shipped(), Lang::Und, workers, [&](Batch&) { ++delivered; });
    std::size_t most_in_flight = 0;
    for (std::size_t i = 0; i < 60; ++i) {
      p.submit(make_batch(i * 3, 3));
      most_in_flight = std::max(most_in_flight, i + 1 - delivered.load());
    }
    p.finish();
    CHECK(delivered == 60);
    CHECK(most_in_flight <= 2 * workers + 2);
  }
}

TEST_CASE("pipeline: a sink error stops the pipeline and reaches the caller") {
  for (const unsigned workers : {1u, 2u, 4u}) {
    CAPTURE(workers);
    std::size_t delivered = 0;
    AnalysisPipeline p(shipped(), Lang::Und, workers, [&](Batch&) {
      if (++delivered == 3) throw std::runtime_error("disk full");
    });
    const auto feed = [&] {
      for (std::size_t i = 0; i < 100; ++i) p.submit(make_batch(i, 1));
      p.finish();
    };
    CHECK_THROWS_WITH(feed(), "disk full");
    CHECK(delivered == 3);
  }
}

TEST_CASE("pipeline: timing is off unless asked for, and sums the stages when on") {
  AnalysisPipeline off(shipped(), Lang::Und, 2, [](Batch&) {});
  off.submit(make_batch(0, 50));
  off.finish();
  CHECK(off.times().analysis.tokenize == 0);
  CHECK(off.times().write == 0);
  AnalysisPipeline on(
      shipped(), Lang::Und, 2, [](Batch&) {}, true);
  on.submit(make_batch(0, 50));
  on.finish();
  const StageTimes t = on.times();
  CHECK(t.analysis.tokenize > 0);
  CHECK(t.analysis.sentiment > 0);
  CHECK(t.analysis.themes > 0);
  CHECK(t.write > 0);
}

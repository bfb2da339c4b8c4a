#include "import/sinks.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "common/error.h"

#include "import/json_output.h"

namespace ascolto {

StoreSink::StoreSink(Store& store, const RunInfo& info, const Taxonomy& taxonomy)
    : store_(store), run_(store.begin_run(info)) {
  store_.sync_themes(taxonomy);
}

void StoreSink::write(Batch& batch, std::vector<Refused>& refused) {
  if (!refused.empty()) throw std::logic_error("StoreSink must be an import's first sink");
  for (RefusedRow& r : store_.write_batch(run_, batch.rows, batch.rejects, counts_))
    refused.push_back({r.index, std::move(r.reason)});
  for (const RejectedRow& u : batch.unreadable)
    store_.reject_file(run_, u.file, u.line, u.column, u.reason);
}

void StoreSink::finish(ImportSummary& summary, ImportObserver& observer) {
  if (summary.redacted) store_.record_redactions(run_, pii_counts_json(summary.redactions));
  ImportProgress indexing = summary.last_progress;
  indexing.phase = "building indexes";
  observer.progress(indexing);
  const RunStatus status =
      store_.finish_run(run_, summary.interrupted ? RunStatus::Interrupted : RunStatus::Completed,
                        summary.inputs.dump());
  if (status == RunStatus::Interrupted) summary.interrupted = true;
}

void JsonLinesSink::write(Batch& batch, std::vector<Refused>& refused) {
  lines_.clear();
  auto next_refused = refused.begin();
  for (std::size_t i = 0; i < batch.rows.size(); ++i) {
    if (next_refused != refused.end() && next_refused->index == i) {
      ++next_refused;
      continue;
    }
    append_json_line(batch.rows[i], lines_);
  }
  errno = 0;
  out_.write(lines_.data(), static_cast<std::streamsize>(lines_.size()));
  check();
}

void JsonLinesSink::finish(ImportSummary&, ImportObserver&) {
  out_.flush();
  check();
}

void JsonLinesSink::check() {
  if (out_) return;
  const int error = errno;
  throw OutputError(name_ + ": writing the JSON lines failed" +
                    (error != 0 ? std::string(" (") + std::strerror(error) + ")" : std::string()));
}

std::string pii_counts_json(const PiiCounts& counts) {
  nlohmann::json as_json = nlohmann::json::object();
  for (std::size_t i = 0; i < kPiiKinds; ++i) {
    const auto kind = static_cast<PiiKind>(i);
    as_json[pii_kind_name(kind)] = counts[kind];
  }
  return as_json.dump();
}

}  // namespace ascolto

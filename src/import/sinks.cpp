#include "import/sinks.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

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

void JsonLinesSink::start() {
  if (started_ || header_.is_null()) return;
  started_ = true;
  lines_ += nlohmann::json{{"ascolto_run", header_}}.dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace);
  lines_ += '\n';
}

namespace {

void append_reject(const RejectedRow& r, const char* severity, const std::string* raw,
                   std::string& out) {
  nlohmann::json reject = {{"file", r.file},
                           {"line", r.line},
                           {"col", r.column == 0 ? nlohmann::json() : nlohmann::json(r.column)},
                           {"severity", severity},
                           {"reason", r.reason},
                           {"raw", raw ? nlohmann::json(*raw) : nlohmann::json()}};
  out += nlohmann::json{{"reject", reject}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
  out += '\n';
}

}  // namespace

void JsonLinesSink::write(Batch& batch, std::vector<Refused>& refused) {
  lines_.clear();
  start();
  const bool all = !header_.is_null();
  if (all) {
    for (const RejectedRow& r : batch.rejects) append_reject(r, "row", &r.raw, lines_);
    for (const RejectedRow& r : batch.unreadable) append_reject(r, "file", nullptr, lines_);
  }
  auto next_refused = refused.begin();
  for (std::size_t i = 0; i < batch.rows.size(); ++i) {
    if (next_refused != refused.end() && next_refused->index == i) {
      // Refused by the store: a reject here too, so that the lines still account for every row.
      if (all) {
        const InputRow& row = batch.rows[i].row;
        append_reject({row.file, row.line, 0, next_refused->reason, {}}, "row", &row.text, lines_);
      }
      ++next_refused;
      continue;
    }
    append_json_line(batch.rows[i], lines_, all ? JsonFields::All : JsonFields::Analysis);
  }
  errno = 0;
  out_.write(lines_.data(), static_cast<std::streamsize>(lines_.size()));
  check();
}

void JsonLinesSink::finish(ImportSummary& summary, ImportObserver&) {
  if (!header_.is_null()) {
    lines_.clear();
    start();
    nlohmann::json end = {
        {"status", summary.interrupted ? "interrupted" : "completed"},
        {"finished_at", utc_now()},
        {"inputs", summary.inputs},
        {"pii_redactions", summary.redacted
                               ? nlohmann::json::parse(pii_counts_json(summary.redactions))
                               : nlohmann::json()}};
    lines_ += nlohmann::json{{"ascolto_run_end", end}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    lines_ += '\n';
    errno = 0;
    out_.write(lines_.data(), static_cast<std::streamsize>(lines_.size()));
  }
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

namespace ascolto {

nlohmann::json json_run_header(const RunInfo& info, const Taxonomy& taxonomy,
                               const std::string& key_fingerprint) {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  nlohmann::json themes = nlohmann::json::array();
  for (const Theme& t : taxonomy.all()) {
    themes.push_back({{"id", t.id},
                      {"parent", t.parent.empty() ? nlohmann::json() : nlohmann::json(t.parent)},
                      {"label_en", t.label_en},
                      {"label_it", t.label_it}});
  }
  return {
      {"format", 1},
      {"tool_version", info.tool_version},
      {"lexicon_hash", info.lexicon_hash},
      {"options", nlohmann::json::parse(info.options_json)},
      {"key_options", nlohmann::json::parse(info.key_options_json.empty() ? info.options_json
                                                                          : info.key_options_json)},
      {"themes", themes},
      {"started_at", utc_now()},
      {"host", std::string(host)},
      {"pid", static_cast<std::int64_t>(getpid())},
      {"pseudonym_key",
       key_fingerprint.empty() ? nlohmann::json() : nlohmann::json(key_fingerprint)}};
}

}  // namespace ascolto

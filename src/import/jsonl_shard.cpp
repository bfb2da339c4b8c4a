#include "import/jsonl_shard.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>

#include "common/error.h"
#include "nps/nps.h"
#include "store/store.h"

namespace ascolto {
namespace {

using json = nlohmann::json;

constexpr std::size_t kBatchRows = 2000;

// The enum value whose name is `name` (the names the JSON lines are written with).
template <class E, class NameOf>
E from_name(const std::string& name, int count, NameOf name_of, const char* what) {
  for (int i = 0; i < count; ++i) {
    const char* candidate = name_of(static_cast<E>(i));
    if (candidate != nullptr && name == candidate) return static_cast<E>(i);
  }
  throw std::invalid_argument(std::string("unknown ") + what + " '" + name + "'");
}

std::string string_or_empty(const json& j) {
  return j.is_null() ? std::string() : j.get<std::string>();
}

AnalysedRow parse_row(const json& j) {
  AnalysedRow r;
  InputRow& row = r.row;
  const json& source = j.at("source");
  row.source_key = source.at("key").get<std::string>();
  row.id = string_or_empty(source.at("id"));
  row.file = source.at("file").get<std::string>();
  row.line = source.at("line").get<std::size_t>();
  row.row_number = source.at("row").get<std::size_t>();
  row.content_hash = source.at("input_hash").get<std::string>();
  if (j.contains("respondent")) row.respondent = j.at("respondent").get<std::string>();
  if (const json& score = j.at("nps").at("score"); !score.is_null()) row.score = score.get<int>();
  if (const json& date = j.at("date"); !date.is_null()) row.date = date.get<std::string>();
  row.text = j.at("text").get<std::string>();
  for (const json& segment : j.at("segments")) {
    row.segments.emplace_back(segment.at(0).get<std::string>(), segment.at(1).get<std::string>());
  }
  for (const json& issue : j.at("issues")) {
    row.issues.push_back({issue.at("column").get<std::size_t>(),
                          issue.at("field").get<std::string>(),
                          issue.at("reason").get<std::string>()});
  }
  Analysis& a = r.analysis;
  a.lang = from_name<Lang>(j.at("lang").get<std::string>(), 3, lang_code, "language");
  a.score = j.at("sentiment").at("score").get<double>();
  a.label = from_name<SentimentLabel>(j.at("sentiment").at("label").get<std::string>(), 4,
                                      label_name, "sentiment label");
  a.sentences = j.at("sentences").get<std::uint32_t>();
  for (const json& t : j.at("themes")) {
    Mention m;
    m.theme = t.at("theme").get<std::string>();
    m.text = t.at("text").get<std::string>();
    m.sentence = t.at("sentence").get<std::uint32_t>();
    m.start = t.at("start").get<std::uint32_t>();
    m.end = t.at("end").get<std::uint32_t>();
    m.sentiment = t.at("sentiment").get<double>();
    m.intent = from_name<Intent>(t.at("intent").get<std::string>(), 5, intent_name, "intent");
    a.mentions.push_back(std::move(m));
  }
  const json& signals = j.at("signals");
  a.signals.churn_intent = signals.at("churn_intent").get<bool>();
  a.signals.repeat_contact = signals.at("repeat_contact").get<bool>();
  if (const json& rec = signals.at("recommendation"); !rec.is_null()) {
    a.signals.recommendation =
        from_name<Recommendation>(rec.get<std::string>(), 3, recommendation_name, "recommendation");
  }
  return r;
}

RejectedRow parse_reject(const json& j) {
  return {j.at("file").get<std::string>(), j.at("line").get<std::size_t>(),
          j.at("col").is_null() ? 0 : j.at("col").get<std::size_t>(),
          j.at("reason").get<std::string>(), string_or_empty(j.at("raw"))};
}

// One run of the JSON lines being written into the shard.
class RunWriter {
 public:
  RunWriter(Store& store, const json& header) : store_(store), header_(header) {
    const RunInfo info{header.at("tool_version").get<std::string>(),
                       "[]",
                       header.at("lexicon_hash").get<std::string>(),
                       header.at("options").dump(),
                       header.at("key_options").dump(),
                       false};
    run_ = store_.begin_run(info);
    SQLite::Database& db = store_.db();
    db.exec("DELETE FROM themes");
    SQLite::Statement theme(
        db, "INSERT INTO themes (id, parent, label_en, label_it) VALUES (?, ?, ?, ?)");
    for (const json& t : header.at("themes")) {
      theme.bind(1, t.at("id").get<std::string>());
      if (t.at("parent").is_null()) {
        theme.bind(2);
      } else {
        theme.bind(2, t.at("parent").get<std::string>());
      }
      theme.bind(3, t.at("label_en").get<std::string>());
      theme.bind(4, t.at("label_it").get<std::string>());
      theme.exec();
      theme.reset();
    }
  }

  void row(AnalysedRow row) {
    rows_.push_back(std::move(row));
    if (rows_.size() + rejects_.size() >= kBatchRows) flush();
  }
  void reject(const json& j) {
    RejectedRow r = parse_reject(j);
    if (j.at("severity").get<std::string>() == "file") {
      store_.reject_file(run_, r.file, r.line, r.column, r.reason);
      return;
    }
    rejects_.push_back(std::move(r));
    if (rows_.size() + rejects_.size() >= kBatchRows) flush();
  }
  // Closes the run as its end line says (none: the analysis was cut short, interrupted).
  void close(const json* end) {
    flush();
    const bool completed = end != nullptr && end->at("status").get<std::string>() == "completed";
    store_.finish_run(run_, completed ? RunStatus::Completed : RunStatus::Interrupted,
                      end != nullptr ? end->at("inputs").dump() : "[]");
    if (end != nullptr && !end->at("pii_redactions").is_null())
      store_.record_redactions(run_, end->at("pii_redactions").dump());
    SQLite::Statement origin(
        store_.db(),
        "UPDATE runs SET started_at = ?, finished_at = ?, host = ?, pid = ? WHERE id = ?");
    origin.bind(1, header_.at("started_at").get<std::string>());
    if (end != nullptr) {
      origin.bind(2, end->at("finished_at").get<std::string>());
    } else {
      origin.bind(2);  // cut short: when is unknown
    }
    origin.bind(3, header_.at("host").get<std::string>());
    origin.bind(4, header_.at("pid").get<std::int64_t>());
    origin.bind(5, run_);
    origin.exec();
  }

 private:
  void flush() {
    if (rows_.empty() && rejects_.empty()) return;
    store_.write_batch(run_, rows_, rejects_, counts_);
    rows_.clear();
    rejects_.clear();
  }

  Store& store_;
  json header_;
  std::int64_t run_ = 0;
  WriteCounts counts_;
  std::vector<AnalysedRow> rows_;
  std::vector<RejectedRow> rejects_;
};

}  // namespace

bool is_sqlite_file(const std::string& path) {
  static constexpr char kMagic[] = "SQLite format 3";  // and its NUL: 16 bytes
  std::ifstream in(path, std::ios::binary);
  char head[sizeof kMagic] = {};
  in.read(head, sizeof head);
  return in.gcount() == sizeof head && std::memcmp(head, kMagic, sizeof kMagic) == 0;
}

void jsonl_to_shard(const std::string& jsonl, const std::string& shard) {
  std::ifstream in(jsonl, std::ios::binary);
  if (!in) throw InputError({jsonl, 0, 0}, std::string("cannot open: ") + std::strerror(errno));
  Store store(shard);
  std::optional<RunWriter> run;
  std::set<std::string> fingerprints;
  std::size_t line_number = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const json j = json::parse(line);
      if (j.contains("ascolto_run")) {
        if (run) run->close(nullptr);
        const json& header = j.at("ascolto_run");
        run.emplace(store, header);
        if (!header.at("pseudonym_key").is_null())
          fingerprints.insert(header.at("pseudonym_key").get<std::string>());
      } else if (!run) {
        throw InputError({jsonl, line_number, 0},
                         "these JSON lines hold the analysis only, not the input fields a merge "
                         "stores (text, date, score, segments, source); write them with `ascolto "
                         "analyze ... --out FILE --out-fields all`");
      } else if (j.contains("ascolto_run_end")) {
        run->close(&j.at("ascolto_run_end"));
        run.reset();
      } else if (j.contains("reject")) {
        run->reject(j.at("reject"));
      } else if (j.contains("source")) {
        run->row(parse_row(j));
      } else {
        throw std::invalid_argument("a comment line without its input fields (\"source\")");
      }
    } catch (const json::exception& e) {
      throw InputError({jsonl, line_number, 0},
                       std::string("not a line of `analyze --out-fields all`: ") + e.what());
    } catch (const std::invalid_argument& e) {
      throw InputError({jsonl, line_number, 0},
                       std::string("not a line of `analyze --out-fields all`: ") + e.what());
    }
  }
  if (in.bad()) throw InputError({jsonl, line_number, 0}, "read error");
  if (line_number == 0) throw InputError({jsonl, 0, 0}, "empty: no run to merge");
  if (run) run->close(nullptr);
  std::string all;
  for (const std::string& f : fingerprints) all += (all.empty() ? "" : ",") + f;
  if (!all.empty()) {
    SQLite::Statement key(store.db(),
                          "INSERT OR REPLACE INTO settings (name, value) VALUES "
                          "('pseudonym_key_fingerprint', ?)");
    key.bind(1, all);
    key.exec();
  }
}

}  // namespace ascolto

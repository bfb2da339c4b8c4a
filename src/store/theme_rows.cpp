#include "store/theme_rows.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <numeric>
#include <queue>

#include "common/error.h"
#include "nps/nps.h"
#include "store/chunked_insert.h"

namespace ascolto {
namespace {

constexpr std::size_t kReadRows = 2048;  // rows read back at a time per block

// substr(response_date, 1, 10) as SQLite computes it: the first ten characters (UTF-8).
std::string day_of(const std::string& date) {
  std::size_t chars = 0, i = 0;
  while (i < date.size() && chars < 10) {
    ++i;
    while (i < date.size() && (static_cast<unsigned char>(date[i]) & 0xC0) == 0x80) ++i;
    ++chars;
  }
  return date.substr(0, i);
}

// The NULL a ChunkedInsert binds for a null text pointer.
constexpr const char* kNull = nullptr;

// A band's index in theme_days' column order (promoter, passive, detractor).
int band_index(int score) {
  const std::string name = band_name(band_of(score));
  return name == "promoter" ? 0 : name == "passive" ? 1 : 2;
}

// Ranks of `names` in SQLite's BINARY order (byte order, as std::string compares). Adding
// names later shifts ranks but keeps the order of the others: a block sorted earlier stays
// sorted under later ranks.
std::vector<std::uint32_t> ranks(const std::vector<std::string>& names) {
  std::vector<std::uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
  std::vector<std::uint32_t> rank(names.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return rank;
}

// An unlinked temporary file where SQLite puts its own ($TMPDIR, else /tmp).
std::FILE* temporary_file() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/ascolto-themes-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) return nullptr;
  unlink(path.c_str());
  std::FILE* f = fdopen(fd, "w+b");
  if (!f) close(fd);
  return f;
}

}  // namespace

ThemeRows::~ThemeRows() {
  if (spill_) std::fclose(spill_);
}

void ThemeRows::clear() {
  if (spill_) std::fclose(spill_);
  spill_ = nullptr;
  active_ = unusable_ = replaced_ = pending_replaced_ = false;
  taxonomy_key_.clear();
  parent_of_.clear();
  theme_ids_.clear();
  day_ids_.clear();
  themes_.clear();
  days_.clear();
  parents_.clear();
  std::vector<Row>().swap(pending_);
  std::vector<Row>().swap(block_);
  scratch_.clear();
  spilled_.clear();
  days_sums_.clear();
}

void ThemeRows::reset(const std::vector<std::pair<std::string, std::string>>& parents,
                      std::string taxonomy_key) {
  clear();
  for (const auto& entry : parents) parent_of_.insert(entry);
  taxonomy_key_ = std::move(taxonomy_key);
  active_ = true;
}

std::uint32_t ThemeRows::theme_index(const std::string& theme) {
  const auto [it, added] =
      theme_ids_.try_emplace(theme, static_cast<std::uint32_t>(themes_.size()));
  if (!added) return it->second;
  const std::uint32_t index = it->second;
  themes_.push_back(theme);
  parents_.push_back(-1);
  const auto parent = parent_of_.find(theme);
  if (parent != parent_of_.end() && !parent->second.empty()) {
    parents_[index] = theme_index(parent->second);
  }
  return index;
}

std::uint32_t ThemeRows::day_index(const std::string& day) {
  const auto [it, added] = day_ids_.try_emplace(day, static_cast<std::uint32_t>(days_.size()));
  if (added) days_.push_back(day);
  return it->second;
}

void ThemeRows::add(std::int64_t response_id, const AnalysedRow& r, bool replaced) {
  if (!active_ || unusable_) return;
  pending_replaced_ = pending_replaced_ || replaced;
  if (r.analysis.mentions.empty()) return;
  const std::optional<int>& score = r.row.score;
  if (score && (*score < 0 || *score > std::numeric_limits<std::int8_t>::max())) unusable_ = true;
  const std::uint32_t day = day_index(r.row.date ? day_of(*r.row.date) : std::string());
  constexpr std::uint32_t kMaxIndex = std::numeric_limits<std::uint16_t>::max();
  if (day > kMaxIndex) unusable_ = true;
  scratch_.clear();
  const auto add_to = [&](std::uint32_t theme, const Mention& m) {
    if (theme > kMaxIndex) {
      unusable_ = true;
      return;
    }
    auto row = std::find_if(scratch_.begin(), scratch_.end(),
                            [&](const Row& x) { return x.theme == theme; });
    if (row == scratch_.end()) {
      scratch_.push_back(Row{0.0, response_id, static_cast<std::uint16_t>(theme),
                             static_cast<std::uint16_t>(day), 0, 0, 0, 0, 0, 0, 0,
                             static_cast<std::int8_t>(score ? *score : -1),
                             static_cast<std::uint8_t>(r.analysis.signals.churn_intent ? 1 : 0)});
      row = scratch_.end() - 1;
    }
    const auto bump = [&](auto& n, bool yes) {
      if (!yes) return;
      if (n == std::numeric_limits<std::remove_reference_t<decltype(n)>>::max()) unusable_ = true;
      ++n;
    };
    bump(row->mentions, true);
    row->sentiment_sum += m.sentiment;
    bump(row->positive, m.sentiment >= 0.05);
    bump(row->negative, m.sentiment <= -0.05);
    bump(row->complaints, m.intent == Intent::Complaint);
    bump(row->suggestions, m.intent == Intent::Suggestion);
    bump(row->questions, m.intent == Intent::Question);
    bump(row->praise, m.intent == Intent::Praise);
  };
  // As the query's UNION ALL: every mention under its own theme, then under its theme's parent.
  for (const Mention& m : r.analysis.mentions) add_to(theme_index(m.theme), m);
  for (const Mention& m : r.analysis.mentions) {
    const std::int64_t parent = parents_[theme_index(m.theme)];
    if (parent >= 0) add_to(static_cast<std::uint32_t>(parent), m);
  }
  pending_.insert(pending_.end(), scratch_.begin(), scratch_.end());
}

void ThemeRows::rollback_to(std::size_t pending) {
  pending_.resize(std::min(pending, pending_.size()));
}

void ThemeRows::discard() {
  pending_.clear();
  pending_replaced_ = false;
}

void ThemeRows::commit() {
  replaced_ = replaced_ || pending_replaced_;
  pending_replaced_ = false;
  if (unusable_) {
    pending_.clear();
    std::vector<Row>().swap(block_);
    return;
  }
  // In write order, which is the order of response ids when every response is new: the order
  // SQLite sums the table's rows of a theme and day in.
  for (const Row& r : pending_) {
    DaySums& d = days_sums_[static_cast<std::uint32_t>(r.theme) << 16 | r.day];
    ++d.respondents;
    d.churn += r.churn;
    d.mentions += r.mentions;
    d.sentiment_sum += r.sentiment_sum;
    d.positive += r.positive;
    d.negative += r.negative;
    d.complaints += r.complaints;
    d.suggestions += r.suggestions;
    d.questions += r.questions;
    d.praise += r.praise;
    if (r.score < 0) continue;
    ++d.scored;
    BandSums& b = d.bands[band_index(r.score)];
    ++b.rows;
    b.mentions += r.mentions;
    b.sentiment_sum += r.sentiment_sum;
    b.positive += r.positive;
    b.negative += r.negative;
  }
  if (block_.capacity() < block_rows_) block_.reserve(block_rows_);
  block_.insert(block_.end(), pending_.begin(), pending_.end());
  pending_.clear();
  if (block_.size() >= block_rows_) spill();
}

void ThemeRows::sort(std::vector<Row>& rows) const {
  const std::vector<std::uint32_t> theme_rank = ranks(themes_), day_rank = ranks(days_);
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.theme != b.theme) return theme_rank[a.theme] < theme_rank[b.theme];
    if (a.day != b.day) return day_rank[a.day] < day_rank[b.day];
    return a.response_id < b.response_id;
  });
}

void ThemeRows::spill() {
  sort(block_);
  if (!spill_) spill_ = temporary_file();
  // No room for the rows: the refresh computes them by query instead.
  if (!spill_ || std::fwrite(block_.data(), sizeof(Row), block_.size(), spill_) != block_.size() ||
      std::fflush(spill_) != 0) {
    unusable_ = true;
    std::vector<Row>().swap(block_);
    return;
  }
  spilled_.push_back(block_.size());
  block_.clear();
}

std::vector<std::pair<std::string, std::string>> ThemeRows::write_rows(SQLite::Database& db) {
  discard();
  sort(block_);
  // The spilled blocks and the one in memory, merged: each a sorted run read from its start.
  struct Run {
    std::vector<Row> buffer;
    std::size_t next = 0;       // in buffer
    std::size_t left = 0;       // rows still in the file
    std::uint64_t offset = 0;   // of those rows
    const Row* rows = nullptr;  // buffer.data(), or the block in memory
    std::size_t size = 0;
  };
  std::vector<Run> runs(spilled_.size() + 1);
  std::uint64_t offset = 0;
  const int fd = spill_ ? fileno(spill_) : -1;
  const auto refill = [&](Run& run) {
    run.buffer.resize(std::min(kReadRows, run.left));
    const std::size_t bytes = run.buffer.size() * sizeof(Row);
    std::size_t done = 0;
    while (done < bytes) {
      const ssize_t n = pread(fd, reinterpret_cast<char*>(run.buffer.data()) + done, bytes - done,
                              static_cast<off_t>(run.offset + done));
      if (n <= 0) {
        throw StoreError(std::string("the temporary file of the theme rows could not be read: ") +
                         (n < 0 ? std::strerror(errno) : "it is shorter than written"));
      }
      done += static_cast<std::size_t>(n);
    }
    run.offset += bytes;
    run.left -= run.buffer.size();
    run.rows = run.buffer.data();
    run.size = run.buffer.size();
    run.next = 0;
  };
  for (std::size_t i = 0; i < spilled_.size(); ++i) {
    runs[i].offset = offset;
    runs[i].left = spilled_[i];
    offset += spilled_[i] * sizeof(Row);
    refill(runs[i]);
  }
  runs.back().rows = block_.data();
  runs.back().size = block_.size();

  const std::vector<std::uint32_t> theme_rank = ranks(themes_), day_rank = ranks(days_);
  const auto after = [&](const Row& a, const Row& b) {
    if (a.theme != b.theme) return theme_rank[a.theme] > theme_rank[b.theme];
    if (a.day != b.day) return day_rank[a.day] > day_rank[b.day];
    return a.response_id > b.response_id;
  };
  const auto head = [&](std::size_t i) -> const Row& { return runs[i].rows[runs[i].next]; };
  const auto later = [&](std::size_t a, std::size_t b) { return after(head(a), head(b)); };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> queue(later);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].size > 0) queue.push(i);
  }
  ChunkedInsert insert(db,
                       "INSERT INTO main.response_themes (theme, day, response_id, score, band, "
                       "churn_intent, mentions, sentiment_sum, positive, negative, complaints, "
                       "suggestions, questions, praise) VALUES ",
                       14);
  while (!queue.empty()) {
    const std::size_t i = queue.top();
    queue.pop();
    const Row& r = head(i);
    const bool scored = r.score >= 0;
    insert.add({&themes_[r.theme], &days_[r.day], r.response_id,
                scored ? ChunkedInsert::Value(std::int64_t{r.score}) : kNull,
                scored ? band_name(band_of(r.score)) : kNull, std::int64_t{r.churn},
                std::int64_t{r.mentions}, r.sentiment_sum, std::int64_t{r.positive},
                std::int64_t{r.negative}, std::int64_t{r.complaints}, std::int64_t{r.suggestions},
                std::int64_t{r.questions}, std::int64_t{r.praise}});
    Run& run = runs[i];
    if (++run.next == run.size) {
      // The chunk's strings are bound by pointer into themes_ and days_, which stay; the row's
      // own buffer may be refilled now.
      if (run.left == 0) continue;
      refill(run);
    }
    queue.push(i);
  }
  insert.flush();
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.reserve(days_sums_.size());
  for (const auto& entry : days_sums_) {
    pairs.emplace_back(themes_[entry.first >> 16], days_[entry.first & 0xFFFF]);
  }
  return pairs;
}

void ThemeRows::write_days(SQLite::Database& db) const {
  const std::vector<std::uint32_t> theme_rank = ranks(themes_), day_rank = ranks(days_);
  std::vector<std::pair<std::uint32_t, const DaySums*>> keys;
  keys.reserve(days_sums_.size());
  for (const auto& [key, sums] : days_sums_) keys.emplace_back(key, &sums);
  std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    const std::uint32_t ta = theme_rank[a.first >> 16], tb = theme_rank[b.first >> 16];
    return ta != tb ? ta < tb : day_rank[a.first & 0xFFFF] < day_rank[b.first & 0xFFFF];
  });
  ChunkedInsert insert(db, "INSERT INTO main.theme_days VALUES ", 28);
  const auto value = [](std::int64_t n, bool any) {
    return any ? ChunkedInsert::Value(n) : ChunkedInsert::Value(kNull);
  };
  const auto real = [](double x, bool any) {
    return any ? ChunkedInsert::Value(x) : ChunkedInsert::Value(kNull);
  };
  for (const auto& [key, sums] : keys) {
    const DaySums& s = *sums;
    const BandSums &p = s.bands[0], &q = s.bands[1], &d = s.bands[2];
    insert.add({&themes_[key >> 16],
                &days_[key & 0xFFFF],
                s.respondents,
                s.scored,
                p.rows,
                q.rows,
                d.rows,
                s.churn,
                s.mentions,
                s.sentiment_sum,
                s.positive,
                s.negative,
                s.complaints,
                s.suggestions,
                s.questions,
                s.praise,
                value(p.mentions, p.rows > 0),
                real(p.sentiment_sum, p.rows > 0),
                value(p.positive, p.rows > 0),
                value(p.negative, p.rows > 0),
                value(q.mentions, q.rows > 0),
                real(q.sentiment_sum, q.rows > 0),
                value(q.positive, q.rows > 0),
                value(q.negative, q.rows > 0),
                value(d.mentions, d.rows > 0),
                real(d.sentiment_sum, d.rows > 0),
                value(d.positive, d.rows > 0),
                value(d.negative, d.rows > 0)});
  }
  insert.flush();
}

}  // namespace ascolto

#include "store/theme_rows.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "nps/nps.h"
#include "store/chunked_insert.h"

namespace ascolto {
namespace {

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

// Ranks of `names` in SQLite's BINARY order (byte order, as std::string compares).
std::vector<std::uint32_t> ranks(const std::vector<std::string>& names) {
  std::vector<std::uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
  std::vector<std::uint32_t> rank(names.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return rank;
}

}  // namespace

void ThemeRows::clear() {
  *this = ThemeRows();
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
  themes_.push_back(theme);
  parents_.push_back(-1);
  const std::uint32_t index = it->second;
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
  if (!active_) return;
  pending_replaced_ = pending_replaced_ || replaced;
  if (r.analysis.mentions.empty()) return;
  const std::optional<int>& score = r.row.score;
  if (score && (*score < 0 || *score > std::numeric_limits<std::int8_t>::max())) overflow_ = true;
  const std::uint32_t day = day_index(r.row.date ? day_of(*r.row.date) : std::string());
  scratch_.clear();
  const auto add_to = [&](std::uint32_t theme, const Mention& m) {
    if (theme > std::numeric_limits<std::uint16_t>::max()) {
      overflow_ = true;
      return;
    }
    auto row = std::find_if(scratch_.begin(), scratch_.end(),
                            [&](const Row& x) { return x.theme == theme; });
    if (row == scratch_.end()) {
      scratch_.push_back(Row{response_id, 0.0, day, 0, 0, 0, 0, 0, 0, 0,
                             static_cast<std::uint16_t>(theme),
                             static_cast<std::int8_t>(score ? *score : -1),
                             static_cast<std::uint8_t>(r.analysis.signals.churn_intent ? 1 : 0)});
      row = scratch_.end() - 1;
    }
    const auto bump = [&](std::uint16_t& n, bool yes) {
      if (!yes) return;
      if (n == std::numeric_limits<std::uint16_t>::max()) overflow_ = true;
      ++n;
    };
    ++row->mentions;
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
  rows_.insert(rows_.end(), scratch_.begin(), scratch_.end());
}

void ThemeRows::rollback_to(std::size_t size) {
  rows_.resize(std::max(size, committed_));
}

void ThemeRows::commit() {
  committed_ = rows_.size();
  replaced_ = replaced_ || pending_replaced_;
  pending_replaced_ = false;
}

void ThemeRows::discard() {
  rows_.resize(committed_);
  pending_replaced_ = false;
}

std::vector<std::pair<std::string, std::string>> ThemeRows::write_rows(SQLite::Database& db) {
  discard();
  const std::vector<std::uint32_t> theme_rank = ranks(themes_), day_rank = ranks(days_);
  std::sort(rows_.begin(), rows_.end(), [&](const Row& a, const Row& b) {
    if (a.theme != b.theme) return theme_rank[a.theme] < theme_rank[b.theme];
    if (a.day != b.day) return day_rank[a.day] < day_rank[b.day];
    return a.response_id < b.response_id;
  });
  ChunkedInsert insert(db,
                       "INSERT INTO main.response_themes (theme, day, response_id, score, band, "
                       "churn_intent, mentions, sentiment_sum, positive, negative, complaints, "
                       "suggestions, questions, praise) VALUES ",
                       14);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const Row& r : rows_) {
    const bool scored = r.score >= 0;
    insert.add({&themes_[r.theme], &days_[r.day], r.response_id,
                scored ? ChunkedInsert::Value(std::int64_t{r.score}) : kNull,
                scored ? band_name(band_of(r.score)) : kNull, std::int64_t{r.churn},
                std::int64_t{r.mentions}, r.sentiment_sum, std::int64_t{r.positive},
                std::int64_t{r.negative}, std::int64_t{r.complaints}, std::int64_t{r.suggestions},
                std::int64_t{r.questions}, std::int64_t{r.praise}});
    if (&r == rows_.data() || r.theme != (&r - 1)->theme || r.day != (&r - 1)->day) {
      pairs.emplace_back(themes_[r.theme], days_[r.day]);
    }
  }
  insert.flush();
  return pairs;
}

void ThemeRows::write_days(SQLite::Database& db) const {
  ChunkedInsert insert(db, "INSERT INTO main.theme_days VALUES ", 28);
  struct BandSums {
    std::int64_t rows = 0, mentions = 0, positive = 0, negative = 0;
    double sentiment_sum = 0;
  };
  for (std::size_t i = 0; i < rows_.size();) {
    const Row& first = rows_[i];
    std::int64_t respondents = 0, scored = 0, churn = 0, mentions = 0, positive = 0, negative = 0,
                 complaints = 0, suggestions = 0, questions = 0, praise = 0;
    double sentiment_sum = 0;
    BandSums bands[3];
    // Rows in key order, summed in that order as SQLite's GROUP BY over the table does.
    for (; i < rows_.size() && rows_[i].theme == first.theme && rows_[i].day == first.day; ++i) {
      const Row& r = rows_[i];
      ++respondents;
      churn += r.churn;
      mentions += r.mentions;
      sentiment_sum += r.sentiment_sum;
      positive += r.positive;
      negative += r.negative;
      complaints += r.complaints;
      suggestions += r.suggestions;
      questions += r.questions;
      praise += r.praise;
      if (r.score < 0) continue;
      ++scored;
      BandSums& b = bands[band_index(r.score)];
      ++b.rows;
      b.mentions += r.mentions;
      b.sentiment_sum += r.sentiment_sum;
      b.positive += r.positive;
      b.negative += r.negative;
    }
    const auto value = [](std::int64_t n, bool any) {
      return any ? ChunkedInsert::Value(n) : ChunkedInsert::Value(kNull);
    };
    const auto real = [](double x, bool any) {
      return any ? ChunkedInsert::Value(x) : ChunkedInsert::Value(kNull);
    };
    const BandSums &p = bands[0], &q = bands[1], &d = bands[2];
    insert.add({&themes_[first.theme],
                &days_[first.day],
                respondents,
                scored,
                p.rows,
                q.rows,
                d.rows,
                churn,
                mentions,
                sentiment_sum,
                positive,
                negative,
                complaints,
                suggestions,
                questions,
                praise,
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

#include "report/xlsx_report.h"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <variant>

#include "report/number_format.h"
#include "report/output_file.h"

namespace ascolto {
namespace {

// A cell: text, a number, or empty (a figure with no data).
using Cell = std::variant<std::monostate, std::string, double>;

// Excel keeps at most 32767 characters in a cell; a longer comment is cut at a UTF-8 boundary
// and marked, never dropped.
constexpr std::size_t kMaxCellBytes = 32767;
const std::string kCut = " [...]";

std::string fit(const std::string& s) {
  if (s.size() <= kMaxCellBytes) return s;
  std::size_t end = kMaxCellBytes - kCut.size();
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + kCut;
}

Cell number(std::optional<double> v, int decimals) {
  if (!v || !std::isfinite(*v)) return {};
  return round_to(*v, decimals);
}
Cell count(std::int64_t v) {
  return static_cast<double>(v);
}

class Workbook {
 public:
  explicit Workbook(const std::string& path) : path_(path) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;  // rows streamed to a temporary file: 50k follow-ups
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) fail("cannot create the workbook");
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
  }
  // Only after a failure (close() normally frees it): frees the workbook and removes the
  // partial file it writes, so no workbook that looks complete is left behind.
  ~Workbook() {
    if (!book_) return;
    workbook_close(book_);
    std::remove(path_.c_str());
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void sheet(const char* name, const std::vector<std::string>& header,
             const std::vector<std::vector<Cell>>& rows) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, name);
    if (!ws) fail(std::string("cannot add the sheet ") + name);
    for (std::size_t c = 0; c < header.size(); ++c) put(ws, 0, c, header[c], bold_);
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c) put(ws, r + 1, c, rows[r][c], nullptr);
  }

  void close() {
    lxw_workbook* book = book_;
    book_ = nullptr;
    const lxw_error err = workbook_close(book);
    if (err != LXW_NO_ERROR) fail(lxw_strerror(err));
  }

 private:
  // Strings go through worksheet_write_string, which stores them as (shared) strings: a
  // comment starting with "=", "+", "-" or "@" stays text and is never a formula in Excel.
  void put(lxw_worksheet* ws, std::size_t row, std::size_t col, const Cell& cell,
           lxw_format* format) {
    const auto r = static_cast<lxw_row_t>(row);
    const auto c = static_cast<lxw_col_t>(col);
    lxw_error err = LXW_NO_ERROR;
    if (const auto* s = std::get_if<std::string>(&cell)) {
      if (!s->empty()) err = worksheet_write_string(ws, r, c, fit(*s).c_str(), format);
    } else if (const auto* d = std::get_if<double>(&cell)) {
      err = worksheet_write_number(ws, r, c, *d, format);
    }
    if (err != LXW_NO_ERROR) fail(lxw_strerror(err));
  }

  [[noreturn]] void fail(const std::string& reason) const {
    throw ReportWriteError("cannot write '" + path_ + "': " + reason);
  }

  std::string path_;
  lxw_workbook* book_ = nullptr;
  lxw_format* bold_ = nullptr;
};

const std::vector<std::string> kGroupHeader = {
    "n",       "promoters", "passives",     "detractors", "nps",
    "nps_low", "nps_high",  "small_sample", "responses",  "detractor_pct"};

std::vector<Cell> group_cells(const std::string& key, const GroupNps& g, int min_n) {
  const std::int64_t n = g.bands.n();
  return {key,
          count(n),
          count(g.bands.positive),
          count(g.bands.neutral),
          count(g.bands.negative),
          number(g.nps ? std::optional(g.nps->value) : std::nullopt, 1),
          number(g.nps ? std::optional(g.nps->low) : std::nullopt, 1),
          number(g.nps ? std::optional(g.nps->high) : std::nullopt, 1),
          count(n < min_n ? 1 : 0),
          count(g.responses),
          number(n > 0 ? std::optional(g.detractor_pct) : std::nullopt, 1)};
}

std::vector<std::string> with_key(const std::string& key) {
  std::vector<std::string> h = {key};
  h.insert(h.end(), kGroupHeader.begin(), kGroupHeader.end());
  return h;
}

}  // namespace

void write_report_xlsx(const std::string& path, const NpsReport& r, const Overview& o,
                       const std::vector<FollowUp>& follow_up) {
  const ReportOptions& opt = r.options;
  Workbook book(path);

  const auto nps = r.overall.nps;
  std::vector<std::vector<Cell>> overview = {
      {std::string("first_date"), r.summary.first_date},
      {std::string("last_date"), r.summary.last_date},
      {std::string("where"), opt.where},
      {std::string("responses"), count(o.responses)},
      {std::string("scored"), count(o.scored)},
      {std::string("promoters"), count(o.promoters)},
      {std::string("passives"), count(o.passives)},
      {std::string("detractors"), count(o.detractors)},
      {std::string("nps"), number(o.nps, 1)},
      {std::string("nps_low"), number(nps ? std::optional(nps->low) : std::nullopt, 1)},
      {std::string("nps_high"), number(nps ? std::optional(nps->high) : std::nullopt, 1)},
      {std::string("no_theme_pct"), number(o.uncovered_pct, 1)}};
  for (const auto& [lang, n] : o.by_language) overview.push_back({"lang_" + lang, count(n)});
  for (const auto& [label, n] : o.by_label) overview.push_back({"label_" + label, count(n)});
  book.sheet("overview", {"measure", "value"}, overview);

  std::vector<std::vector<Cell>> trend;
  for (const GroupNps& g : r.periods) trend.push_back(group_cells(g.key, g, opt.min_n));
  book.sheet("trend", with_key(granularity_name(opt.by)), trend);

  std::vector<std::vector<Cell>> themes;
  for (const ThemeDriver& t : r.themes) {
    themes.push_back(
        {t.theme, t.parent, t.label_en, t.label_it, count(t.respondents), count(t.mentions),
         number(t.share_pct, 1), number(t.mean_sentiment, 3),
         number(t.net_sentiment ? std::optional(t.net_sentiment->value) : std::nullopt, 1),
         number(t.nps ? std::optional(t.nps->value) : std::nullopt, 1),
         number(t.impact ? std::optional(t.impact->value) : std::nullopt, 1),
         number(t.impact ? std::optional(t.impact->low) : std::nullopt, 1),
         number(t.impact ? std::optional(t.impact->high) : std::nullopt, 1), count(t.complaints),
         count(t.suggestions)});
  }
  book.sheet("themes",
             {"theme", "parent", "label_en", "label_it", "respondents", "mentions", "share_pct",
              "mean_sentiment", "net_sentiment", "nps", "impact", "impact_low", "impact_high",
              "complaints", "suggestions"},
             themes);

  std::vector<std::vector<Cell>> segments;
  for (const GroupNps& g : r.segments) {
    std::vector<Cell> row = {opt.segment};
    const auto cells = group_cells(g.key, g, opt.min_n);
    row.insert(row.end(), cells.begin(), cells.end());
    segments.push_back(std::move(row));
  }
  std::vector<std::string> segment_header = {"segment"};
  for (const std::string& h : with_key("value")) segment_header.push_back(h);
  book.sheet("segments", segment_header, segments);

  std::vector<std::vector<Cell>> follow;
  for (const FollowUp& f : follow_up) {
    follow.push_back({count(f.response_id), f.respondent, f.date, f.segments,
                      f.score ? Cell(static_cast<double>(*f.score)) : Cell(), f.band, f.reasons,
                      f.themes, f.text});
  }
  book.sheet("follow-up",
             {"response_id", "respondent", "date", "segments", "score", "band", "reasons", "themes",
              "comment"},
             follow);
  book.close();
}

}  // namespace ascolto

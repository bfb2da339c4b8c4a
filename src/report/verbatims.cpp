#include "report/verbatims.h"

#include <SQLiteCpp/Statement.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "report/scope.h"

namespace ascolto {
namespace {

// Top-level themes (or subthemes whose parent nobody mentioned), most mentioned first, each
// followed by its subthemes, most mentioned first.
std::vector<VerbatimTheme> theme_tree(const NpsReport& r) {
  std::map<std::string, const ThemeDriver*> by_id;
  for (const ThemeDriver& t : r.themes) by_id[t.theme] = &t;
  std::vector<const ThemeDriver*> tops;
  for (const ThemeDriver& t : r.themes) {
    if (t.parent.empty() || !by_id.count(t.parent)) tops.push_back(&t);
  }
  const auto most = [](const ThemeDriver* a, const ThemeDriver* b) {
    return a->mentions != b->mentions ? a->mentions > b->mentions : a->theme < b->theme;
  };
  std::sort(tops.begin(), tops.end(), most);
  std::vector<VerbatimTheme> out;
  for (const ThemeDriver* top : tops) {
    out.push_back({top->theme, "", top->label_en, top->label_it, top->mentions, 0});
    std::vector<const ThemeDriver*> children;
    for (const ThemeDriver& t : r.themes) {
      if (t.parent == top->theme) children.push_back(&t);
    }
    std::sort(children.begin(), children.end(), most);
    for (const ThemeDriver* c : children)
      out.push_back({c->theme, c->parent, c->label_en, c->label_it, c->mentions, 0});
  }
  return out;
}

// UTF-16 offsets (JavaScript string indexes) of each code point of `text`, and of its end.
std::vector<std::int64_t> utf16_offsets(const std::string& text) {
  std::vector<std::int64_t> out;
  std::int64_t units = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    out.push_back(units);
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    units += c > 0xFFFF ? 2 : 1;  // an invalid byte becomes one U+FFFD
  }
  out.push_back(units);
  return out;
}

// Each comment's segment value (through the primary key) and period (the view response_periods
// read once per day, by one response of that day).
void load_details(SQLite::Database& db, const NpsReport& r, std::vector<Verbatim>& comments) {
  SQLite::Statement segment(db,
                            "SELECT value FROM segments WHERE response_id = ? AND lower(name) = "
                            "lower(?) LIMIT 1");
  segment.bind(2, r.options.segment);
  SQLite::Statement period(db,
                           "SELECT period FROM response_periods WHERE response_id = ? AND "
                           "granularity = ?");
  period.bind(2, granularity_name(r.options.by));
  std::map<std::string, std::string> periods;  // day -> period
  for (Verbatim& v : comments) {
    if (!r.options.segment.empty()) {
      segment.bind(1, v.response_id);
      if (segment.executeStep()) v.segment = segment.getColumn(0).getString();
      segment.reset();
    }
    if (v.date.empty()) continue;
    auto at = periods.find(v.date);
    if (at == periods.end()) {
      period.bind(1, v.response_id);
      at = periods.emplace(v.date, period.executeStep() ? period.getColumn(0).getString() : "")
               .first;
      period.reset();
    }
    v.period = at->second;
  }
}

}  // namespace

Verbatims load_verbatims(SQLite::Database& db, const NpsReport& r, std::int64_t per_theme,
                         std::int64_t scanned) {
  Verbatims out;
  out.themes = theme_tree(r);
  std::map<std::string, std::size_t> theme_index;
  for (std::size_t i = 0; i < out.themes.size(); ++i) theme_index[out.themes[i].id] = i;
  std::vector<std::size_t> family(out.themes.size());  // each theme's top-level theme
  std::size_t open = 0;                                // families not yet full
  for (std::size_t i = 0; i < out.themes.size(); ++i) {
    const auto parent = theme_index.find(out.themes[i].parent);
    family[i] = parent == theme_index.end() ? i : parent->second;
    open += family[i] == i && out.themes[i].mentions > 0;
  }
  // Newest first by the date index, each response's mentions by the response index: no sort,
  // and the scan stops once every theme is full or `scanned` responses were read.
  ScopedQuery st(db,
                 "SELECT r.id, r.text, coalesce(substr(r.response_date, 1, 10), ''), r.score, "
                 "coalesce(r.band, ''), coalesce(r.respondent_id, r.source_id, ''), m.theme, "
                 "m.start, m.\"end\", m.sentiment FROM scope r JOIN mentions m ON m.response_id "
                 "= r.id ORDER BY r.response_date DESC, r.id DESC",
                 r.options);
  std::int64_t responses = 0, last = -1;
  while (open > 0 && st->executeStep()) {
    const std::int64_t id = st->getColumn(0).getInt64();
    if (id != last) {
      if (++responses > scanned) break;
      last = id;
    }
    const auto theme = theme_index.find(st->getColumn(6).getString());
    if (theme == theme_index.end()) continue;
    VerbatimTheme& top = out.themes[family[theme->second]];
    if (top.shown >= per_theme) continue;
    if (++top.shown == per_theme) --open;
    if (out.comments.empty() || out.comments.back().response_id != id) {
      Verbatim v;
      v.response_id = id;
      v.text = st->getColumn(1).getString();
      v.date = st->getColumn(2).getString();
      if (!st->getColumn(3).isNull()) v.score = st->getColumn(3).getInt();
      v.band = st->getColumn(4).getString();
      v.respondent = st->getColumn(5).getString();
      out.comments.push_back(std::move(v));
    }
    out.comments.back().mentions.push_back({theme->second, st->getColumn(7).getInt64(),
                                            st->getColumn(8).getInt64(),
                                            st->getColumn(9).getDouble()});
  }
  load_details(db, r, out.comments);
  for (Verbatim& v : out.comments) {
    std::sort(v.mentions.begin(), v.mentions.end(),
              [](const auto& a, const auto& b) { return a.start < b.start; });
  }
  return out;
}

std::string verbatims_json(const Verbatims& v, const NpsReport& r, const UiLabels& l) {
  using nlohmann::json;
  json themes = json::array();
  std::map<std::string, int> index;
  for (const VerbatimTheme& t : v.themes) {
    index[t.id] = static_cast<int>(themes.size());
    const auto parent = index.find(t.parent);
    themes.push_back({t.id, theme_label(l, t.label_en, t.label_it),
                      parent == index.end() ? -1 : parent->second, t.mentions, t.shown});
  }
  std::map<std::string, int> periods, values;
  json period_list = json::array(), value_list = json::array();
  for (const GroupNps& p : r.periods) {
    periods[p.key] = static_cast<int>(period_list.size());
    period_list.push_back(p.key);
  }
  for (const GroupNps& s : r.segments) {
    values[s.key] = static_cast<int>(value_list.size());
    value_list.push_back(s.key);
  }
  const auto at = [](const std::map<std::string, int>& m, const std::string& key) {
    const auto i = m.find(key);
    return i == m.end() ? -1 : i->second;
  };
  json comments = json::array();
  for (const Verbatim& c : v.comments) {
    const std::vector<std::int64_t> utf16 = utf16_offsets(c.text);
    const auto unit = [&](std::int64_t cp) {
      return utf16[static_cast<std::size_t>(
          std::clamp<std::int64_t>(cp, 0, static_cast<std::int64_t>(utf16.size()) - 1))];
    };
    json mentions = json::array();
    for (const VerbatimMention& m : c.mentions) {
      mentions.push_back({m.theme, unit(m.start), unit(m.end),
                          m.sentiment >= 0.05    ? 1
                          : m.sentiment <= -0.05 ? -1
                                                 : 0});
    }
    const int band = c.band == "promoter"    ? 0
                     : c.band == "passive"   ? 1
                     : c.band == "detractor" ? 2
                                             : -1;
    comments.push_back({c.date, at(periods, c.period), band, c.score ? json(*c.score) : json(),
                        at(values, c.segment), c.respondent, c.text, std::move(mentions)});
  }
  const json doc = {{"themes", std::move(themes)},
                    {"periods", std::move(period_list)},
                    {"values", std::move(value_list)},
                    {"comments", std::move(comments)}};
  const std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 50);
  for (const char ch : text) {
    if (ch == '<') {
      out += "\\u003c";
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace ascolto

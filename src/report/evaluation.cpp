#include "report/evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "io/csv_cell.h"
#include "privacy/redactor.h"

namespace ascolto {
namespace {

constexpr std::array<const char*, 3> kClasses = {"positive", "negative", "neutral"};

int class_of(const std::string& label, double score) {
  if (label == "positive") return 0;
  if (label == "negative") return 1;
  if (label == "neutral") return 2;
  return score >= 0.05 ? 0 : score <= -0.05 ? 1 : 2;  // mixed: by the sign of its score
}

}  // namespace

Evaluation evaluate(const std::vector<LabelledPrediction>& rows) {
  Evaluation e;
  std::vector<double> xs, ys;
  std::size_t correct = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const LabelledPrediction& r = rows[i];
    if (r.gold_label == "mixed") {
      ++e.mixed;
      ++e.mixed_as[r.predicted_label == "mixed"
                       ? 3
                       : static_cast<std::size_t>(class_of(r.predicted_label, 0))];
      continue;
    }
    if (r.gold_label != "positive" && r.gold_label != "negative" && r.gold_label != "neutral") {
      ++e.skipped;
      continue;
    }
    const int g = class_of(r.gold_label, 0);
    const int p = class_of(r.predicted_label, r.predicted_score);
    ++e.confusion[static_cast<std::size_t>(g)][static_cast<std::size_t>(p)];
    correct += g == p;
    if (g != p) e.misjudged.push_back(i);
    ++e.n;
    if (r.gold_score) {
      xs.push_back(r.predicted_score);
      ys.push_back(*r.gold_score);
    }
  }
  if (e.n == 0) return e;
  e.accuracy = static_cast<double>(correct) / static_cast<double>(e.n);
  for (std::size_t c = 0; c < 3; ++c) {
    std::size_t tp = e.confusion[c][c], fp = 0, fn = 0;
    for (std::size_t o = 0; o < 3; ++o) {
      if (o == c) continue;
      fp += e.confusion[o][c];
      fn += e.confusion[c][o];
    }
    e.precision[c] = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
    e.recall[c] = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
    const double pr = e.precision[c] + e.recall[c];
    e.f1[c] = pr > 0 ? 2 * e.precision[c] * e.recall[c] / pr : 0;
    e.macro_f1 += e.f1[c] / 3;
  }
  if (xs.size() >= 2) {
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      mx += xs[i];
      my += ys[i];
    }
    mx /= static_cast<double>(xs.size());
    my /= static_cast<double>(ys.size());
    double cov = 0, vx = 0, vy = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      cov += (xs[i] - mx) * (ys[i] - my);
      vx += (xs[i] - mx) * (xs[i] - mx);
      vy += (ys[i] - my) * (ys[i] - my);
    }
    if (vx > 0 && vy > 0) e.pearson_r = cov / std::sqrt(vx * vy);
  }
  return e;
}

void print_evaluation(const Evaluation& e, std::ostream& out) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "n=%zu, misjudged %zu", e.n, e.misjudged.size());
  out << buf;
  if (e.mixed) {
    std::snprintf(buf, sizeof buf,
                  "; %zu gold 'mixed' left out (labelled positive %zu, negative %zu, neutral %zu, "
                  "mixed %zu)",
                  e.mixed, e.mixed_as[0], e.mixed_as[1], e.mixed_as[2], e.mixed_as[3]);
    out << buf;
  }
  if (e.skipped) out << "; " << e.skipped << " with other gold labels skipped";
  std::snprintf(buf, sizeof buf, "\naccuracy=%.3f macro_f1=%.3f", e.accuracy, e.macro_f1);
  out << buf;
  if (e.pearson_r) {
    std::snprintf(buf, sizeof buf, " pearson_r=%.3f", *e.pearson_r);
    out << buf;
  }
  out << "\n\nclass       precision  recall     f1\n";
  for (std::size_t c = 0; c < 3; ++c) {
    std::snprintf(buf, sizeof buf, "%-10s  %9.3f  %6.3f  %5.3f\n", kClasses[c], e.precision[c],
                  e.recall[c], e.f1[c]);
    out << buf;
  }
  out << "\nconfusion (rows: gold, columns: predicted)\n";
  std::snprintf(buf, sizeof buf, "%-10s  %9s %9s %9s\n", "", kClasses[0], kClasses[1], kClasses[2]);
  out << buf;
  for (std::size_t g = 0; g < 3; ++g) {
    std::snprintf(buf, sizeof buf, "%-10s  %9zu %9zu %9zu\n", kClasses[g], e.confusion[g][0],
                  e.confusion[g][1], e.confusion[g][2]);
    out << buf;
  }
}

namespace {

void finish(ThemeScore& s) {
  s.precision = s.tp + s.fp ? static_cast<double>(s.tp) / static_cast<double>(s.tp + s.fp) : 0;
  s.recall = s.tp + s.fn ? static_cast<double>(s.tp) / static_cast<double>(s.tp + s.fn) : 0;
  const double pr = s.precision + s.recall;
  s.f1 = pr > 0 ? 2 * s.precision * s.recall / pr : 0;
}

// The labelled theme a prediction counts for: itself, else its parent, when labelled.
std::string at_label_level(const std::string& theme, const std::set<std::string>& labelled) {
  if (labelled.count(theme)) return theme;
  const std::size_t dot = theme.find('.');
  if (dot != std::string::npos && labelled.count(theme.substr(0, dot))) {
    return theme.substr(0, dot);
  }
  return theme;
}

}  // namespace

std::vector<std::string> parse_theme_list(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find_first_of(";,|", start);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view item = cell.substr(start, end - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty() && item != "none" && std::find(out.begin(), out.end(), item) == out.end()) {
      out.emplace_back(item);
    }
    start = end + 1;
  }
  return out;
}

ThemeEvaluation evaluate_themes(const std::vector<ThemeLabelled>& rows) {
  ThemeEvaluation e;
  std::set<std::string> labelled;
  for (const ThemeLabelled& r : rows) labelled.insert(r.gold.begin(), r.gold.end());
  std::map<std::string, ThemeScore> by_theme;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ThemeLabelled& r = rows[i];
    ++e.n;
    const std::set<std::string> gold(r.gold.begin(), r.gold.end());
    std::set<std::string> predicted;
    for (const std::string& p : r.predicted) predicted.insert(at_label_level(p, labelled));
    ThemeMiss miss{i, {}, {}};
    for (const std::string& g : gold) {
      ++(predicted.count(g) ? by_theme[g].tp : by_theme[g].fn);
      if (!predicted.count(g)) miss.missed.push_back(g);
    }
    for (const std::string& p : predicted) {
      if (!gold.count(p)) {
        ++by_theme[p].fp;
        miss.extra.push_back(p);
      }
    }
    if (!miss.missed.empty() || !miss.extra.empty()) e.misses.push_back(std::move(miss));
  }
  e.micro.theme = "all";
  for (auto& [theme, s] : by_theme) {
    s.theme = theme;
    finish(s);
    e.micro.tp += s.tp;
    e.micro.fp += s.fp;
    e.micro.fn += s.fn;
    e.themes.push_back(s);
  }
  finish(e.micro);
  std::stable_sort(e.themes.begin(), e.themes.end(), [](const ThemeScore& a, const ThemeScore& b) {
    return a.tp + a.fn > b.tp + b.fn;
  });
  return e;
}

void print_theme_evaluation(const ThemeEvaluation& e, std::ostream& out) {
  char buf[200];
  std::snprintf(
      buf, sizeof buf,
      "n=%zu comments, %zu with a missed or extra theme\n\n%-32s %5s %5s %5s  %9s  %6s  %5s\n", e.n,
      e.misses.size(), "theme", "gold", "tp", "fp", "precision", "recall", "f1");
  out << buf;
  const auto line = [&](const ThemeScore& s) {
    std::snprintf(buf, sizeof buf, "%-32s %5zu %5zu %5zu  %9.3f  %6.3f  %5.3f\n", s.theme.c_str(),
                  s.tp + s.fn, s.tp, s.fp, s.precision, s.recall, s.f1);
    out << buf;
  };
  for (const ThemeScore& s : e.themes) line(s);
  line(e.micro);
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ";") + s;
  return out;
}

}  // namespace

void write_misjudged(const std::vector<LabelledPrediction>& rows, const Evaluation& e,
                     std::ostream& out) {
  Redactor redactor;
  out << "id,gold_label,predicted_label,score,gold_score,text\r\n";
  char score[32];
  for (const std::size_t i : e.misjudged) {
    const LabelledPrediction& r = rows[i];
    std::snprintf(score, sizeof score, "%.4f", r.predicted_score);
    out << csv_cell(redactor.redacted(r.id)) << ',' << csv_cell(r.gold_label) << ','
        << csv_cell(r.predicted_label) << ',' << score << ',';
    if (r.gold_score) {
      std::snprintf(score, sizeof score, "%.4f", *r.gold_score);
      out << score;
    }
    out << ',' << csv_cell(redactor.redacted(r.text)) << "\r\n";
  }
}

void write_misjudged_themes(const std::vector<ThemeLabelled>& rows, const ThemeEvaluation& e,
                            std::ostream& out) {
  Redactor redactor;
  out << "id,gold,predicted,missed,extra,text\r\n";
  for (const ThemeMiss& m : e.misses) {
    const ThemeLabelled& r = rows[m.row];
    out << csv_cell(redactor.redacted(r.id)) << ',' << csv_cell(joined(r.gold)) << ','
        << csv_cell(joined(r.predicted)) << ',' << csv_cell(joined(m.missed)) << ','
        << csv_cell(joined(m.extra)) << ',' << csv_cell(redactor.redacted(r.text)) << "\r\n";
  }
}

}  // namespace ascolto

#include "report/evaluation.h"

#include <cmath>
#include <cstdio>

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
  for (const LabelledPrediction& r : rows) {
    if (r.gold_label != "positive" && r.gold_label != "negative" && r.gold_label != "neutral") {
      ++e.skipped;
      continue;
    }
    const int g = class_of(r.gold_label, 0);
    const int p = class_of(r.predicted_label, r.predicted_score);
    ++e.confusion[static_cast<std::size_t>(g)][static_cast<std::size_t>(p)];
    correct += g == p;
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
  std::snprintf(buf, sizeof buf,
                "n=%zu (skipped %zu with other gold labels)\naccuracy=%.3f macro_f1=%.3f", e.n,
                e.skipped, e.accuracy, e.macro_f1);
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

}  // namespace ascolto

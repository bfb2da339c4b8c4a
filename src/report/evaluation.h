// Agreement between Ascolto's sentiment and hand labels: accuracy, per-class and macro F1 over
// positive / negative / neutral, Pearson r between scores, and the confusion matrix. A "mixed"
// prediction counts by the sign of its score (as the shared scorers do); gold "mixed" rows are
// left out of the 3-class figures.
//
//   Evaluation e = evaluate(pairs);   // pairs of {gold label, gold score?, predicted label, score}
//   print_evaluation(e, std::cout);
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ascolto {

struct LabelledPrediction {
  std::string gold_label;  // positive, negative, neutral (mixed is skipped)
  std::optional<double> gold_score;
  std::string predicted_label;  // positive, negative, neutral, mixed
  double predicted_score = 0;
};

struct Evaluation {
  std::size_t n = 0, skipped = 0;
  double accuracy = 0;
  std::array<double, 3> precision{}, recall{}, f1{};  // positive, negative, neutral
  double macro_f1 = 0;
  std::optional<double> pearson_r;                        // when gold scores are given
  std::array<std::array<std::size_t, 3>, 3> confusion{};  // [gold][predicted]
};

Evaluation evaluate(const std::vector<LabelledPrediction>& rows);
void print_evaluation(const Evaluation& e, std::ostream& out);

}  // namespace ascolto

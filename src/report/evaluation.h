// Agreement between Ascolto and hand labels. Sentiment: accuracy, per-class and macro F1 over
// positive / negative / neutral, Pearson r between scores, and the confusion matrix. A "mixed"
// prediction counts by the sign of its score (as the shared scorers do); gold "mixed" rows are
// left out of the 3-class figures but counted, with how Ascolto labelled them.
//
//   Evaluation e = evaluate(pairs);   // pairs of {gold label, gold score?, predicted label, score}
//   print_evaluation(e, std::cout);
//   write_misjudged(pairs, e, csv);   // the rows whose class differs from the gold one
//
// Themes: per comment, the gold theme ids and the predicted ones. Scores are kept at the level the
// labels use: a predicted theme counts for the most specific labelled theme it is or belongs to
// ("delivery.delay" counts as "delivery" in a file that labels top-level themes only), else for
// itself; then per theme precision, recall and F1, and their micro average.
//
//   ThemeEvaluation t = evaluate_themes({{{"delivery"}, {"delivery.delay", "price"}}});
//   print_theme_evaluation(t, std::cout);   // delivery 1/1/1, price 0/0/0 (one false positive)
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ascolto {

struct LabelledPrediction {
  std::string gold_label;  // positive, negative, neutral (mixed is counted apart)
  std::optional<double> gold_score;
  std::string predicted_label;  // positive, negative, neutral, mixed
  double predicted_score = 0;
  std::string id = {}, text = {};  // for the list of misjudged rows
};

struct Evaluation {
  std::size_t n = 0;        // rows with a positive, negative or neutral gold label
  std::size_t mixed = 0;    // rows with a "mixed" gold label, outside the 3-class figures
  std::size_t skipped = 0;  // rows with any other gold label
  std::array<std::size_t, 4> mixed_as{};  // how the mixed rows were labelled: positive,
                                          // negative, neutral, mixed
  std::vector<std::size_t> misjudged;     // indexes of the n rows whose class differs from gold
  double accuracy = 0;
  std::array<double, 3> precision{}, recall{}, f1{};  // positive, negative, neutral
  double macro_f1 = 0;
  std::optional<double> pearson_r;                        // when gold scores are given
  std::array<std::array<std::size_t, 3>, 3> confusion{};  // [gold][predicted]
};

Evaluation evaluate(const std::vector<LabelledPrediction>& rows);
void print_evaluation(const Evaluation& e, std::ostream& out);
// CSV (safe cells, personal data redacted) of e.misjudged: id, gold_label, predicted_label,
// score, gold_score, text.
void write_misjudged(const std::vector<LabelledPrediction>& rows, const Evaluation& e,
                     std::ostream& out);

struct ThemeLabelled {
  std::vector<std::string> gold, predicted;  // theme ids
  std::string id = {}, text = {};            // for the list of misjudged rows
};

// A comment whose predicted themes (at the labels' level) differ from the gold ones.
struct ThemeMiss {
  std::size_t row = 0;
  std::vector<std::string> missed, extra;  // gold themes not found; themes found, not in gold
};

struct ThemeScore {
  std::string theme;
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision = 0, recall = 0, f1 = 0;
};

struct ThemeEvaluation {
  std::size_t n = 0;               // comments
  std::vector<ThemeScore> themes;  // most gold comments first, then by id
  ThemeScore micro;                // theme "all"
  std::vector<ThemeMiss> misses;   // in input order
};

// The theme ids of a `themes` cell: separated by ';', ',' or '|', spaces trimmed; "none" or an
// empty cell is no theme.
std::vector<std::string> parse_theme_list(std::string_view cell);
ThemeEvaluation evaluate_themes(const std::vector<ThemeLabelled>& rows);
void print_theme_evaluation(const ThemeEvaluation& e, std::ostream& out);
// CSV (safe cells, personal data redacted) of e.misses: id, gold, predicted, missed, extra, text.
void write_misjudged_themes(const std::vector<ThemeLabelled>& rows, const ThemeEvaluation& e,
                            std::ostream& out);

}  // namespace ascolto

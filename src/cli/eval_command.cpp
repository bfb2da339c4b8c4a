#include "cli/eval_command.h"

#include <boost/program_options.hpp>

#include <charconv>
#include <functional>
#include <iostream>

#include "analysis/analyzer.h"
#include "cli/shared_options.h"
#include "common/error.h"
#include "import/output_paths.h"
#include "io/csv_reader.h"
#include "report/evaluation.h"
#include "report/output_file.h"
#include "text/html_entities.h"

namespace ascolto {

namespace po = boost::program_options;

int run_eval(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto eval --gold FILE.csv [--lang it|en] [options]\n\n"
      "Scores Ascolto's sentiment against a hand-labelled CSV with columns id, text, gold_label\n"
      "(positive, negative, neutral; mixed rows are counted apart, with how Ascolto labelled\n"
      "them) and optionally gold_score in [-1, 1] and lang. Prints accuracy, per-class and macro\n"
      "F1, Pearson r and a confusion matrix. A CSV with a themes column instead (id, text,\n"
      "themes: theme ids separated by ';', 'none' for no theme) is scored per theme: precision,\n"
      "recall and F1. --misjudged FILE writes the rows Ascolto got wrong as CSV.\n\n"
      "Options");
  LexiconCliOptions lex_opt;
  std::string gold, misjudged;
  desc.add_options()("help,h", "show this help")("gold", po::value(&gold)->required(),
                                                 "labelled CSV file")(
      "misjudged", po::value(&misjudged),
      "write the misjudged rows to this CSV file ('-' for standard output): id, gold and\n"
      "predicted label, score and text; for themes the missed and extra themes");
  add_lexicon_options(desc, lex_opt);
  std::vector<std::string> none;
  if (!parse_with_positional(args, desc, "unused", none)) return 0;
  if (!none.empty()) throw UsageError("unexpected argument '" + none[0] + "'");

  refuse_overwriting_input({gold}, misjudged, "--misjudged");
  const auto lex = load_from_options(lex_opt, argv0);
  const Lang forced = parse_lang(lex_opt.lang);
  Analyzer analyzer(*lex, forced), italian(*lex, Lang::It), english(*lex, Lang::En);
  CsvReader reader(Utf8Source::open(gold, ""), {});
  const auto& h = reader.header();
  const auto col = [&](const char* name, bool required) -> std::ptrdiff_t {
    for (std::size_t i = 0; i < h.size(); ++i) {
      if (h[i] == name) return static_cast<std::ptrdiff_t>(i);
    }
    if (required) throw InputError({gold, 1, 0}, std::string("column '") + name + "' not found");
    return -1;
  };
  // A `themes` column (id,text,themes) makes it a theme evaluation; else sentiment.
  const auto themes = col("themes", false);
  const auto id = col("id", false);
  const auto text = col("text", true), label = themes >= 0 ? -1 : col("gold_label", true),
             score = col("gold_score", false), lang = col("lang", false);
  std::vector<LabelledPrediction> rows;
  std::vector<ThemeLabelled> theme_rows;
  RawRecord rec;
  std::size_t bad = 0;
  while (reader.next(rec)) {
    if (rec.error || rec.fields.size() != h.size()) {
      std::cerr << gold << ":" << rec.line
                << ": skipped: " << (rec.error ? rec.error->message : "wrong number of fields")
                << "\n";
      ++bad;
      continue;
    }
    Analyzer* use = &analyzer;
    if (lang >= 0 && forced == Lang::Und) {
      const std::string& code = rec.fields[static_cast<std::size_t>(lang)];
      if (code == "it") use = &italian;
      if (code == "en") use = &english;
    }
    const std::string& comment = rec.fields[static_cast<std::size_t>(text)];
    const std::string row_id =
        id >= 0 ? rec.fields[static_cast<std::size_t>(id)] : std::to_string(rec.line);
    const Analysis a = use->analyze(decode_html_entities(comment));
    if (themes >= 0) {
      ThemeLabelled t{
          parse_theme_list(rec.fields[static_cast<std::size_t>(themes)]), {}, row_id, comment};
      for (const Mention& m : a.mentions) t.predicted.push_back(m.theme);
      theme_rows.push_back(std::move(t));
      continue;
    }
    LabelledPrediction p;
    p.id = row_id;
    p.text = comment;
    p.gold_label = rec.fields[static_cast<std::size_t>(label)];
    if (score >= 0) {
      const std::string& g = rec.fields[static_cast<std::size_t>(score)];
      double v = 0;
      const auto [end, ec] = std::from_chars(g.data(), g.data() + g.size(), v);
      if (ec == std::errc() && end == g.data() + g.size()) p.gold_score = v;
    }
    p.predicted_label = label_name(a.label);
    p.predicted_score = a.score;
    rows.push_back(std::move(p));
  }
  const auto write_list = [&](const std::function<void(std::ostream&)>& write) {
    if (misjudged.empty()) return;
    if (misjudged == "-") {
      std::cout << "\n";
      write(std::cout);
    } else {
      write_file(misjudged, write);
    }
  };
  if (themes >= 0) {
    const ThemeEvaluation e = evaluate_themes(theme_rows);
    print_theme_evaluation(e, std::cout);
    write_list([&](std::ostream& out) { write_misjudged_themes(theme_rows, e, out); });
  } else {
    const Evaluation e = evaluate(rows);
    print_evaluation(e, std::cout);
    write_list([&](std::ostream& out) { write_misjudged(rows, e, out); });
  }
  finish_stdout();
  return bad > 0 ? 1 : 0;
}

}  // namespace ascolto

#include "cli/eval_command.h"

#include <boost/program_options.hpp>

#include <charconv>
#include <iostream>

#include "analysis/analyzer.h"
#include "cli/shared_options.h"
#include "common/error.h"
#include "io/csv_reader.h"
#include "report/evaluation.h"
#include "text/html_entities.h"

namespace ascolto {

namespace po = boost::program_options;

int run_eval(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto eval --gold FILE.csv [--lang it|en] [options]\n\n"
      "Scores Ascolto's sentiment against a hand-labelled CSV with columns id, text, gold_label\n"
      "(positive, negative, neutral; mixed rows are skipped) and optionally gold_score in [-1, 1]\n"
      "and lang. Prints accuracy, per-class and macro F1, Pearson r and a confusion matrix.\n\n"
      "Options");
  LexiconCliOptions lex_opt;
  std::string gold;
  desc.add_options()("help,h", "show this help")("gold", po::value(&gold)->required(),
                                                 "labelled CSV file");
  add_lexicon_options(desc, lex_opt);
  std::vector<std::string> none;
  if (!parse_with_positional(args, desc, "unused", none)) return 0;
  if (!none.empty()) throw UsageError("unexpected argument '" + none[0] + "'");

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
  const auto text = col("text", true), label = col("gold_label", true),
             score = col("gold_score", false), lang = col("lang", false);
  std::vector<LabelledPrediction> rows;
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
    const Analysis a =
        use->analyze(decode_html_entities(rec.fields[static_cast<std::size_t>(text)]));
    LabelledPrediction p;
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
  print_evaluation(evaluate(rows), std::cout);
  return bad > 0 ? 1 : 0;
}

}  // namespace ascolto

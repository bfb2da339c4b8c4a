#include "cli/report_command.h"

#include <boost/program_options.hpp>
#include <cerrno>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/shared_options.h"
#include "common/error.h"
#include "io/dates.h"
#include "report/breakdowns.h"
#include "report/breakdowns_text.h"
#include "report/follow_up.h"
#include "report/html_report.h"
#include "report/nps_report.h"
#include "report/output_file.h"
#include "report/overview.h"
#include "report/report_data.h"
#include "report/report_text.h"
#include "report/scope.h"
#include "report/summary_text.h"
#include "report/uncovered.h"
#include "report/xlsx_report.h"
#include "store/schema.h"

namespace ascolto {

namespace po = boost::program_options;

namespace {

int report(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto report --db PATH [options]\n\n"
      "Prints the NPS with its 95% interval, per period and per segment, with small groups\n"
      "flagged and significant changes marked; the themes ranked by their impact on NPS; what\n"
      "each band talks about; what changed in the last period; what customers ask for;\n"
      "respondents per period.\n"
      "--format csv|json writes the same figures for other tools; --html FILE writes a\n"
      "self-contained page with charts. --uncovered lists the words and phrases most frequent\n"
      "in the comments no theme covers, per language, so the taxonomy can be extended.\n\nOptions");
  std::string db_path, by = "month", format = "text", html_path, xlsx_path, ui_lang = "en",
                       csv_layout = "long";
  ReportOptions options;
  bool uncovered = false, follow_up = false;
  LexiconCliOptions lex_opt;
  desc.add_options()("help,h", "show this help")("db", po::value(&db_path)->required(),
                                                 "SQLite database written by `ascolto analyze`")(
      "by", po::value(&by)->default_value("month"), "period: week, month or quarter")(
      "segment", po::value(&options.segment), "a segment column to break NPS down by (e.g. store)")(
      "since", po::value(&options.since), "first date included, YYYY-MM-DD")(
      "until", po::value(&options.until), "last date included, YYYY-MM-DD")(
      "where", po::value(&options.where),
      "only the responses of one segment value, e.g. store=Milano")(
      "min-n", po::value(&options.min_n)->default_value(kDefaultMinN),
      "groups with fewer scored respondents are flagged")(
      "top", po::value(&options.top)->default_value(10), "how many themes to list")(
      "examples", po::value(&options.examples)->default_value(2),
      "most negative and most positive comments shown per theme (HTML)")(
      "format", po::value(&format)->default_value("text"), "text, csv or json (standard output)")(
      "csv-layout", po::value(&csv_layout)->default_value("long"),
      "with --format csv: long (section, group, theme, measure, value) or wide (one row per\n"
      "period, segment or theme, one column per measure: ready for a pivot table); both with "
      "themes by period, and with --segment segment x period NPS and themes by segment")(
      "html", po::value(&html_path), "also write the report as a self-contained HTML page")(
      "xlsx", po::value(&xlsx_path),
      "also write the report as an Excel workbook: overview, trend, themes, segments, follow-up")(
      "ui-lang", po::value(&ui_lang)->default_value("en"), "labels in en or it")(
      "follow-up", po::bool_switch(&follow_up),
      "print, as CSV, the respondents to contact back: detractors and anyone with churn intent "
      "or repeat contact, newest first")(
      "uncovered", po::bool_switch(&uncovered),
      "list the frequent words and phrases of comments with no theme (--top per language)")(
      "lexicons", po::value(&lex_opt.dir), "lexicon directory, for --uncovered (stopwords)");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(desc).run(), vm);
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }
  po::notify(vm);
  options.by = parse_granularity(by);
  for (const auto& [name, value] :
       {std::pair{"--since", &options.since}, {"--until", &options.until}}) {
    if (!value->empty() && parse_date(*value, DateOrder::DayFirst) != *value)
      throw UsageError(std::string(name) + " '" + *value + "': expected a date YYYY-MM-DD");
  }
  const UiLabels& labels = ui_labels(ui_lang);
  if (format != "text" && format != "csv" && format != "json") {
    throw UsageError("--format '" + format + "': expected text, csv or json");
  }
  const CsvLayout layout = parse_csv_layout(csv_layout);
  if (!vm["csv-layout"].defaulted() && format != "csv") {
    throw UsageError("--csv-layout applies to --format csv only");
  }
  // The lists are printed alone: a workbook, a page or another format asked with them would
  // silently not be written.
  if (follow_up && uncovered) {
    throw UsageError("--follow-up and --uncovered are separate lists: run them one at a time");
  }
  if (follow_up || uncovered) {
    const std::string list = follow_up ? "--follow-up" : "--uncovered";
    if (!html_path.empty() || !xlsx_path.empty()) {
      throw UsageError(list + " prints its list only; run --" +
                       (html_path.empty() ? "xlsx" : "html") +
                       " separately (the HTML page and the workbook have the follow-up list too)");
    }
    if (!vm["format"].defaulted() && !(follow_up && format == "csv")) {
      throw UsageError(list + " prints " + (follow_up ? "CSV" : "text") + "; --format '" + format +
                       "' does not apply to it");
    }
  }
  if (!std::filesystem::exists(db_path)) throw UsageError("database '" + db_path + "' not found");
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  int version = 0;
  try {
    version = schema_version(db);
  } catch (const SQLite::Exception& e) {
    throw StoreError("'" + db_path + "' is not an Ascolto database (" + e.what() + ")");
  }
  if (version == 0) throw StoreError("'" + db_path + "' is not an Ascolto database");
  if (version < kSchemaVersion) {
    throw UsageError("'" + db_path + "' has schema version " + std::to_string(version) +
                     "; run `ascolto analyze` with this version on it to upgrade it");
  }
  if (options.top < 1) throw UsageError("--top must be at least 1");
  if (uncovered) {
    const auto lex = load_from_options(lex_opt, argv0);
    print_uncovered(find_uncovered(db, *lex, static_cast<std::size_t>(options.top)), std::cout);
    finish_stdout();
    return 0;
  }
  if (!html_path.empty()) refuse_database(html_path, db_path);
  if (!xlsx_path.empty()) refuse_database(xlsx_path, db_path);
  if (follow_up) {
    check_where(db, options.where);
    errno = 0;
    write_follow_up_csv(load_follow_up(db, options), std::cout);
    finish_stdout();
    return 0;
  }
  const NpsReport report = load_nps_report(db, options);
  std::optional<Breakdowns> grids;  // loaded once, by the first output that needs them
  const auto breakdowns = [&]() -> const Breakdowns& {
    if (!grids) grids = load_breakdowns(db, report);
    return *grids;
  };
  errno = 0;  // what is left when a write to standard output fails says why
  if (format == "json") {
    nlohmann::json j = report_json(report);
    j.update(breakdowns_json(breakdowns()));
    std::cout << j.dump(2) << "\n";
  } else if (format == "csv") {
    write_report_csv(report, std::cout, layout, &breakdowns());
  } else {
    print_summary(report, labels, std::cout);
    print_overview(load_overview(db, report), labels, std::cout);
    print_nps_report(report, labels, std::cout);
    print_breakdowns(report, breakdowns(), labels, std::cout);
  }
  finish_stdout();
  if (!html_path.empty()) {
    const auto follow = load_follow_up(db, options, kFollowUpShown);
    const Verbatims verbatims = load_verbatims(db, report);
    write_file(html_path, [&](std::ostream& out) {
      write_html_report(report, labels, out, &follow, &breakdowns(), &verbatims);
    });
  }
  if (!xlsx_path.empty()) {
    write_report_xlsx(xlsx_path, report, load_overview(db, report), load_follow_up(db, options));
  }
  return 0;
}

}  // namespace

int run_report(const std::vector<std::string>& args, const std::string& argv0) {
  try {
    return report(args, argv0);
  } catch (const ReportWriteError& e) {
    std::cerr << "ascolto report: " << e.what() << "\n";
    return 4;
  }
}

}  // namespace ascolto

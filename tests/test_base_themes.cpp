// The base taxonomy's example sentences (lexicons/<lang>/theme_examples.tsv): every one passes
// on the shipped lexicons, and every top-level family is covered by praise, complaints and traps
// in both languages, so a pattern edit that brings back a false positive fails the suite.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <sstream>

#include "analysis/analyzer.h"
#include "analysis/theme_examples.h"
#include "helpers.h"

using namespace ascolto;

namespace {

std::string describe(const Lexicons& lex, const ExampleFailure& f) {
  std::ostringstream out;
  out << lex.where(f.example->src) << ": \"" << f.example->text << "\" "
      << (f.example->must_match ? "should be tagged " : "should not be tagged ")
      << lex.taxonomy.at(f.example->theme).id << ", got:";
  if (f.themes_found.empty()) out << " none";
  for (const std::string& theme : f.themes_found) out << ' ' << theme;
  return out.str();
}

struct Counts {
  int positive = 0;
  int negative = 0;
};

// Examples per top-level family of one language (a subtheme's example counts for its family).
std::map<std::string, Counts> counts_by_family(const Lexicons& lex, const LanguageLexicon& lang) {
  std::map<std::string, Counts> counts;
  for (const ThemeExample& example : lang.examples) {
    const Theme& theme = lex.taxonomy.at(example.theme);
    Counts& c = counts[theme.parent.empty() ? theme.id : theme.parent];
    ++(example.must_match ? c.positive : c.negative);
  }
  return counts;
}

}  // namespace

TEST_CASE("base themes: every shipped example sentence gets, or avoids, its theme") {
  const Lexicons& lex = testing::shipped();
  const auto failures = check_theme_examples(lex);
  for (const ExampleFailure& f : failures) MESSAGE(describe(lex, f));
  CHECK(failures.empty());
}

TEST_CASE("base themes: each top-level family has 3 positive and 2 trap examples per language") {
  const Lexicons& lex = testing::shipped();
  for (const LanguageLexicon* lang : {&lex.it, &lex.en}) {
    const auto counts = counts_by_family(lex, *lang);
    for (const Theme& theme : lex.taxonomy.all()) {
      if (!theme.parent.empty()) continue;
      const auto it = counts.find(theme.id);
      const Counts c = it == counts.end() ? Counts{} : it->second;
      INFO(theme.id, (lang == &lex.it ? " (it)" : " (en)"));
      CHECK(c.positive >= 3);
      CHECK(c.negative >= 2);
    }
  }
}

TEST_CASE("base themes: a wait told as a fact is a negative timeliness mention, a short one none") {
  const Lexicons& lex = testing::shipped();
  Analyzer en(lex, Lang::En);
  Analyzer it(lex, Lang::It);
  // The sentiment of the comment's delay mention, or nothing when it has none.
  const auto delay = [](Analyzer& a, const char* text) -> std::optional<double> {
    for (const Mention& m : a.analyze(text).mentions) {
      if (m.theme == "timeliness.delays") return m.sentiment;
    }
    return std::nullopt;
  };
  const std::pair<Analyzer*, const char*> waits[] = {
      {&en, "It took three weeks to connect the line."},
      {&en, "It took an extra month to get our order."},
      {&it, "Sto aspettando la consegna da tre settimane."},
      {&it, "Sto aspettando il tecnico da lunedì."}};
  for (const auto& [analyzer, text] : waits) {
    INFO(std::string(text));
    const std::optional<double> sentiment = delay(*analyzer, text);
    REQUIRE(sentiment.has_value());
    CHECK(*sentiment < -0.05);
  }
  CHECK_FALSE(delay(en, "It only took 3 days to install everything.").has_value());
  CHECK_FALSE(delay(en, "They came within 2 days to fit the new line.").has_value());
}

// Discovering candidate themes in the comments no theme covers: groups by shared phrase or word
// per language, with counts, co-occurring words, examples and lines that load as a theme.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/analyzer.h"
#include "helpers.h"
#include "report/discover.h"

using namespace ascolto;
namespace fs = std::filesystem;

namespace {

std::vector<UncoveredComment> sample() {
  return {
      {"en", "The trolley wheels were stuck and the ribbon missing."},
      {"en", "Please oil the trolley wheels at the counter."},
      {"en", "Trolley wheels took ages, ribbon too short."},
      {"en", "Why are trolley wheels so stiff?"},
      {"en", "Recycling bins were full."},
      {"en", "No recycling bins near the entrance."},
      {"en", "Recycling bins smell."},
      {"en", "Umbrella stand broken."},
      {"en", "Umbrella stand outside please."},
      {"en", "They asked twice."},
      {"en", "I asked for it."},
      {"en", "Asked and asked again."},
      {"it", "La carta regalo era strappata."},
      {"it", "Manca la carta regalo natalizia."},
      {"it", "Carta regalo carina."},
      {"it", "Qualità costante, qualità sempre."},
      {"it", "La qualità conta."},
      {"it", "Qualità prima di tutto."},
  };
}

const CandidateTheme* find(const Discovery& d, const std::string& term) {
  for (const CandidateTheme& c : d.candidates) {
    if (c.term == term) return &c;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("discover: groups by the most shared phrase first, per language, with evidence") {
  const Discovery d = discover_themes(sample(), testing::shipped());
  CHECK(d.uncovered == 18);
  const CandidateTheme* trolley = find(d, "trolley wheels");
  REQUIRE(trolley != nullptr);
  CHECK(trolley->lang == "en");
  CHECK(trolley->comments == 4);
  CHECK(trolley->examples ==
        std::vector<std::string>{sample()[0].text, sample()[1].text, sample()[2].text});
  REQUIRE(!trolley->cowords.empty());
  CHECK(trolley->cowords.front().term == "ribbon");
  CHECK(trolley->cowords.front().comments == 2);
  CHECK(trolley->theme_id == "trolley_wheels");
  CHECK(trolley->taxonomy_line == "trolley_wheels\t-\tTrolley wheels\tTrolley wheels");
  CHECK(trolley->pattern_line == "trolley_wheels\ttrolley wheels");
  // The first candidate of a language is its largest group.
  CHECK(d.candidates.front().term == "trolley wheels");

  const CandidateTheme* bins = find(d, "recycling bins");
  REQUIRE(bins != nullptr);
  CHECK(bins->comments == 3);
  // Two comments are under the minimum of three; a verb form heads no group.
  CHECK(find(d, "umbrella stand") == nullptr);
  CHECK(find(d, "asked") == nullptr);

  const CandidateTheme* regalo = find(d, "carta regalo");
  REQUIRE(regalo != nullptr);
  CHECK(regalo->lang == "it");
  CHECK(regalo->comments == 3);
  // An accented term gets an ASCII id.
  const CandidateTheme* quality = find(d, "qualità");
  REQUIRE(quality != nullptr);
  CHECK(quality->theme_id == "qualita");
  CHECK(d.grouped == 4 + 3 + 3 + 3);
}

TEST_CASE("discover: deterministic, ids never clash with the taxonomy, limits respected") {
  std::vector<UncoveredComment> comments = sample();
  for (int i = 0; i < 3; ++i) comments.push_back({"en", "The delivery van blocked the road."});
  const Discovery a = discover_themes(comments, testing::shipped());
  const Discovery b = discover_themes(comments, testing::shipped());
  std::ostringstream pa, pb;
  print_discovery(a, pa);
  print_discovery(b, pb);
  CHECK(pa.str() == pb.str());
  CHECK(pa.str().find("[en] \"trolley wheels\": 4 comments; with ribbon (2)") != std::string::npos);
  const CandidateTheme* van = find(a, "delivery van");
  REQUIRE(van != nullptr);
  CHECK(van->theme_id == "delivery_van");
  for (const CandidateTheme& c : a.candidates) {
    CHECK_FALSE(testing::shipped().taxonomy.index_of(c.theme_id).has_value());
  }
  DiscoverOptions one;
  one.max_candidates = 1;
  const Discovery limited = discover_themes(comments, testing::shipped(), one);
  CHECK(limited.candidates.size() == 2);  // one per language
  CHECK(discover_themes({}, testing::shipped()).candidates.empty());
}

TEST_CASE("discover: the lines paste into a lexicon and tag the comments they came from") {
  const Discovery d = discover_themes(sample(), testing::shipped());
  const CandidateTheme* trolley = find(d, "trolley wheels");
  const CandidateTheme* regalo = find(d, "carta regalo");
  REQUIRE(trolley != nullptr);
  REQUIRE(regalo != nullptr);
  const testing::ScratchDir scratch("discover");
  const fs::path dir = scratch.mini_lexicons_copy("lexicons");
  std::ofstream(dir / "themes.tsv", std::ios::app) << trolley->taxonomy_line << "\n"
                                                   << regalo->taxonomy_line << "\n";
  std::ofstream(dir / "en" / "themes.tsv", std::ios::app) << trolley->pattern_line << "\n";
  std::ofstream(dir / "it" / "themes.tsv", std::ios::app) << regalo->pattern_line << "\n";
  const auto lex = load_lexicons({dir.string(), {}, 64 << 20});
  const auto themes_of = [&](Lang lang, const std::string& text) {
    std::vector<std::string> out;
    for (const Mention& m : Analyzer(*lex, lang).analyze(text).mentions) out.push_back(m.theme);
    return out;
  };
  CHECK(themes_of(Lang::En, sample()[1].text) == std::vector<std::string>{"trolley_wheels"});
  CHECK(themes_of(Lang::It, sample()[12].text) == std::vector<std::string>{"carta_regalo"});
}

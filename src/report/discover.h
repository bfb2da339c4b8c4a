// What the taxonomy misses, as candidate themes: the comments that got no theme are grouped, per
// language, around their most frequent noun phrases and words (two-word phrases first), greedily:
// the phrase or word found in the most ungrouped comments makes a group of those comments, then
// the next, until none is shared by `min_comments`. Each candidate comes with its count, the words
// that co-occur with it in its group, three example comments and ready-to-paste lines for
// lexicons/themes.tsv and lexicons/<lang>/themes.tsv. Deterministic (ties go alphabetically, the
// examples are the group's first comments in input order); no model.
//
//   Discovery d = discover_themes(read_uncovered(db), lexicons);
//   print_discovery(d, std::cout);
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "lexicon/lexicons.h"
#include "report/uncovered.h"

namespace ascolto {

struct UncoveredComment {
  std::string lang;  // "it", "en" or "und" (read with the English lexicon)
  std::string text;
};

struct CandidateTheme {
  std::string lang;
  std::string term;                // the phrase or word the group shares (lookup form)
  std::int64_t comments = 0;       // comments in the group
  std::vector<TermCount> cowords;  // words most often found with it in the group
  std::vector<std::string> examples;
  std::string theme_id;       // a free lower_snake_case id derived from the term
  std::string taxonomy_line;  // for lexicons/themes.tsv
  std::string pattern_line;   // for lexicons/<lang>/themes.tsv
};

struct Discovery {
  std::int64_t uncovered = 0;              // comments read
  std::int64_t grouped = 0;                // of them, in a candidate's group
  std::vector<CandidateTheme> candidates;  // per language (most comments first), largest first
};

struct DiscoverOptions {
  std::size_t max_candidates = 15;  // per language
  std::int64_t min_comments = 3;
  std::size_t examples = 3;
  std::size_t cowords = 5;
};

// The comments of the database that have no mention, in id order.
std::vector<UncoveredComment> read_uncovered(SQLite::Database& db);

Discovery discover_themes(const std::vector<UncoveredComment>& comments, const Lexicons& lexicons,
                          const DiscoverOptions& options = {});

void print_discovery(const Discovery& d, std::ostream& out);

}  // namespace ascolto

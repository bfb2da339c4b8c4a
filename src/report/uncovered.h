// What the taxonomy misses: the words and two-word phrases most frequent in the comments that got
// no theme, per language, after normalization, without stopwords, opinion words and modifiers
// (which say how, not what), counted once per comment. A user reads the list and extends
// lexicons/<lang>/themes.tsv with what matters to them.
//
//   UncoveredTerms u = find_uncovered(db, lexicons, 20);
//   print_uncovered(u, std::cout);
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "lexicon/lexicons.h"
#include "text/tokenizer.h"

namespace ascolto {

struct TermCount {
  std::string term;
  std::int64_t comments = 0;  // uncovered comments containing it
};

struct UncoveredLanguage {
  std::string lang;           // "it", "en", "und"
  std::int64_t comments = 0;  // uncovered comments in this language
  std::vector<TermCount> words, phrases;
};

struct UncoveredTerms {
  std::int64_t responses = 0, uncovered = 0;
  std::vector<UncoveredLanguage> languages;  // most uncovered comments first
};

// A token that names something: a word of two or more characters that is neither a stopword
// nor an opinion word or modifier. A connotation ("christmas") still names a topic.
bool content_word(const Token& t, const LanguageLexicon& lang);

// `top` terms of each kind per language; a phrase must occur in at least two comments.
UncoveredTerms find_uncovered(SQLite::Database& db, const Lexicons& lexicons, std::size_t top);
void print_uncovered(const UncoveredTerms& u, std::ostream& out);

}  // namespace ascolto

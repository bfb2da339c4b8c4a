// Runs the example sentences of theme_examples.tsv through the analyzer: a `+` sentence must be
// tagged with its theme (or a subtheme), a `-` sentence must not. `ascolto lexicon check` reports
// the failures with file:line, so a user editing patterns sees at once what they broke.
//
//   for (const ExampleFailure& f : check_theme_examples(lexicons)) print(f);
#pragma once

#include <string>
#include <vector>

#include "lexicon/lexicons.h"

namespace ascolto {

struct ExampleFailure {
  const ThemeExample* example = nullptr;
  Lang lang = Lang::Und;
  std::vector<std::string> themes_found;  // what the sentence was tagged with
};

std::vector<ExampleFailure> check_theme_examples(const Lexicons& lexicons);

}  // namespace ascolto

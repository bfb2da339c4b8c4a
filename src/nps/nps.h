// Net Promoter Score basics: the band of a 0-10 answer and the parsing of score fields.
// Bands: promoter 9-10, passive 7-8, detractor 0-6. A score that is not an integer in 0..10 is
// never guessed: parse_score reports why it was refused and the response is stored with NULL.
//
//   auto s = parse_score("9");  // s.value == 9, band_of(9) == Band::Promoter
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ascolto {

enum class Band { Promoter, Passive, Detractor };

Band band_of(int score);
const char* band_name(Band band);

struct ScoreParse {
  std::optional<int> value;  // set when the field holds a valid 0-10 answer
  std::string error;         // why not, when the field is non-empty and invalid
};

// Accepts "0".."10", surrounding spaces, and a zero fraction ("9.0", "9,0"). An empty field
// is a skipped question: no value and no error.
ScoreParse parse_score(std::string_view text);

}  // namespace ascolto

// Lookup forms of text: NFKC + case folding through ICU (ASCII takes a fast path), typographic
// apostrophes unified to "'", and the helpers that undo emphatic spelling. The original text is
// never modified; offsets always refer to it.
//
//   std::string key = fold("Perché");   // "perché"
//   collapse_repeats("bellissimoooo", 1) == "bellissimo"
#pragma once

#include <string>
#include <string_view>

namespace ascolto {

// NFKC_Casefold, with U+2019/U+2018/U+02BC/U+0060/U+00B4 mapped to '. At most 30 combining marks
// in a row are kept (the stream-safe format of UAX #15), so the time stays linear in the length.
std::string fold(std::string_view text);

// Removes U+FE0F (emoji presentation) and skin-tone modifiers U+1F3FB..U+1F3FF.
std::string strip_emoji_modifiers(std::string_view emoji);

// Shortens every run of three or more of the same letter to `keep` letters; shorter runs stay
// ("bellooooo" -> "bello" with keep 1, "coool" -> "cool" with keep 2).
std::string collapse_repeats(std::string_view word, std::size_t keep);

// True when some character repeats three or more times in a row ("nooo", "!!!" excluded:
// letters only).
bool has_elongation(std::string_view word);

}  // namespace ascolto

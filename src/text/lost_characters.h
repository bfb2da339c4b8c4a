// Characters lost before the export reached us. A comment that went through a lossy charset
// conversion carries U+FFFD (the replacement character) where a character could not be
// converted: "I can\uFFFDt", "l\uFFFDordine", "a bill of \uFFFD90". Left alone, the word breaker
// cuts "can" from "t" and the negation is lost. Two losses are common and safe to read back for
// the analysis only (the stored comment is never changed):
// - between two letters, the lost character was an apostrophe (typographic apostrophes are what
//   such conversions lose most): it is read as U+2019;
// - at the start of a word and right before a digit, it was a currency sign (£, €): it is read
//   as U+20AC, "an amount of money".
// Both stand-ins have the byte length of U+FFFD, so every offset into the repaired text is the
// same as into the original.
//
//   std::string repaired;
//   if (repair_lost_characters(text, repaired)) text = repaired;   // "I can’t", "€90"
#pragma once

#include <string>
#include <string_view>

namespace ascolto {

// True, with `out` the repaired text, when `text` has a U+FFFD that one of the two rules reads
// back; false (and `out` untouched) otherwise. Linear in the length of `text`.
bool repair_lost_characters(std::string_view text, std::string& out);

}  // namespace ascolto

#include "nps/nps.h"

#include <charconv>

namespace ascolto {

Band band_of(int score) {
  if (score >= 9) return Band::Promoter;
  if (score >= 7) return Band::Passive;
  return Band::Detractor;
}

const char* band_name(Band band) {
  switch (band) {
    case Band::Promoter:
      return "promoter";
    case Band::Passive:
      return "passive";
    case Band::Detractor:
      return "detractor";
  }
  return "";
}

ScoreParse parse_score(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return {};
  std::string_view digits = text;
  const std::size_t sep = text.find_first_of(".,");
  if (sep != std::string_view::npos) {
    const std::string_view fraction = text.substr(sep + 1);
    if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos) {
      return {std::nullopt, "score '" + std::string(text) + "' is not a whole number 0-10"};
    }
    digits = text.substr(0, sep);
  }
  int value = -1;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
    return {std::nullopt, "score '" + std::string(text) + "' is not a number; expected 0-10"};
  }
  if (value < 0 || value > 10) {
    return {std::nullopt, "score " + std::string(text) + " is outside 0-10"};
  }
  return {value, {}};
}

}  // namespace ascolto

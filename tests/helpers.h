// Shared by the tests: where the test data and the shipped lexicons are (set by meson), and the
// mini lexicon used to test rules independently of the shipped lexicons' valences.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>

#include "lexicon/lexicons.h"

namespace ascolto::testing {

inline std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}

inline std::string data_dir() {
  return env_or("ASCOLTO_TEST_DATA", "tests/data");
}
inline std::string shipped_lexicons() {
  return env_or("ASCOLTO_LEXICONS", "lexicons");
}

inline const Lexicons& mini_lexicons() {
  static const auto lex = load_lexicons({data_dir() + "/lexicons-mini", {}, 64 << 20});
  return *lex;
}

inline const Lexicons& shipped() {
  static const auto lex = load_lexicons({shipped_lexicons(), {}, 64 << 20});
  return *lex;
}

}  // namespace ascolto::testing

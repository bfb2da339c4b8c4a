// Shared by the lexicon fuzzers: a private copy of the mini test lexicons in which one file is
// replaced by the fuzz input before each load, so the loader reads it exactly as from disk.
//
//   return load_with_replaced("it/themes.tsv", data, size);
#pragma once

#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/error.h"
#include "lexicon/lexicons.h"

namespace ascolto {

inline const std::filesystem::path& fuzz_lexicon_dir() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "ascolto-fuzz-XXXXXX").string();
    const char* made = mkdtemp(pattern.data());
    if (made == nullptr) abort();
    std::filesystem::copy(ASCOLTO_FUZZ_LEXICONS, made, std::filesystem::copy_options::recursive);
    return std::filesystem::path(made);
  }();
  return dir;
}

inline int load_with_replaced(const char* file, const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  {
    std::ofstream out(fuzz_lexicon_dir() / file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    load_lexicons({.dir = fuzz_lexicon_dir().string(), .rule_memory_budget = 1 << 20});
  } catch (const LexiconError&) {
    // Rejecting the file with its file:line is the expected outcome for most inputs.
  }
  return 0;
}

}  // namespace ascolto

// libFuzzer target: the theme-file loader (terms, prefixes, phrases and `re:` RE2 rules compiled
// under a memory budget) on an arbitrary it/themes.tsv.
#include "fuzz/fuzz_lexicon_dir.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return ascolto::load_with_replaced("it/themes.tsv", data, size);
}

// libFuzzer target: the lexicon loader (TSV reading, valence parsing, prefix and phrase entries)
// on an arbitrary it/sentiment.tsv.
#include "fuzz/fuzz_lexicon_dir.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return ascolto::load_with_replaced("it/sentiment.tsv", data, size);
}

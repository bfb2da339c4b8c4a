// libFuzzer target: the per-comment path of `analyze` on arbitrary UTF-8 comments: personal-data
// redaction, then the text pipeline (normalization, tokenizer, language detection, sentiment
// rules, theme tagging) with the shipped lexicons.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "analysis/analyzer.h"
#include "ascolto_config.h"
#include "io/utf8_source.h"
#include "privacy/redactor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ascolto;
  if (size > 64 * 1024) return 0;
  static const auto lexicons = load_lexicons({.dir = ASCOLTO_SOURCE_LEXICONS});
  static Analyzer analyzer(*lexicons, Lang::Und);
  static const Redactor redactor;
  std::string text(reinterpret_cast<const char*>(data), size);
  // Comments reach the pipeline as valid UTF-8 only: the readers reject anything else.
  if (first_invalid_utf8(text) != std::string::npos) return 0;
  // What find reports is in order, inside the text, on character boundaries.
  std::size_t previous_end = 0;
  for (const PiiMatch& m : redactor.find(text)) {
    if (m.begin < previous_end || m.end <= m.begin || m.end > text.size()) abort();
    if ((static_cast<unsigned char>(text[m.begin]) & 0xC0) == 0x80) abort();
    if (m.end < text.size() && (static_cast<unsigned char>(text[m.end]) & 0xC0) == 0x80) abort();
    previous_end = m.end;
  }
  redactor.redact(text);
  if (first_invalid_utf8(text) != std::string::npos) abort();  // redaction must keep it valid
  analyzer.analyze(text);
  return 0;
}

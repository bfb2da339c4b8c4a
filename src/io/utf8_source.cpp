#include "io/utf8_source.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "common/error.h"
#include "io/peekable_input.h"

namespace ascolto {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

struct UcnvCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct UcsdetCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using ConverterPtr = std::unique_ptr<UConverter, UcnvCloser>;

// Length of the UTF-8 sequence starting at p (0 if ill-formed), per RFC 3629: no overlongs,
// no surrogates, nothing above U+10FFFF.
std::size_t utf8_sequence_length(const unsigned char* p, std::size_t avail, bool* truncated) {
  *truncated = false;
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < len; ++i) {
    if (i >= avail) {
      *truncated = true;
      return 0;
    }
    const unsigned char lim_lo = i == 1 ? lo : 0x80, lim_hi = i == 1 ? hi : 0xBF;
    if (p[i] < lim_lo || p[i] > lim_hi) return 0;
  }
  return len;
}

}  // namespace

namespace {

// Counts well-formed multi-byte sequences and ill-formed bytes, to tell a UTF-8 file with a
// few corrupt bytes from a legacy-encoded one.
void utf8_evidence(std::string_view bytes, std::size_t* valid_multibyte, std::size_t* invalid) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  *valid_multibyte = *invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    bool truncated;
    const std::size_t len = utf8_sequence_length(p + i, bytes.size() - i, &truncated);
    if (len == 0) {
      *invalid += !truncated;
      ++i;
    } else {
      ++*valid_multibyte;
      i += len;
    }
  }
}

// "UTF-16LE" or "UTF-16BE" when the sample looks like UTF-16 without a BOM, else "". Text in
// the Latin scripts is mostly ASCII, so in UTF-16 most code units have one zero byte, always on
// the same side; UTF-8 or legacy text has zero bytes rarely if at all (a NUL in a CSV row).
std::string utf16_without_bom(std::string_view sample) {
  const std::size_t units = sample.size() / 2;
  if (units < 2) return "";
  std::size_t le = 0, be = 0;
  for (std::size_t i = 0; i + 1 < sample.size(); i += 2) {
    le += sample[i] != 0 && sample[i + 1] == 0;
    be += sample[i] == 0 && sample[i + 1] != 0;
  }
  if (le * 2 >= units && be * 10 < units) return "UTF-16LE";
  if (be * 2 >= units && le * 10 < units) return "UTF-16BE";
  return "";
}

}  // namespace

std::optional<RecordError> ill_formed_input(const Utf8Source& source, std::string_view raw,
                                            std::size_t line) {
  if (!source.converts()) return std::nullopt;
  const std::size_t at = raw.find(kIllFormedMark);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (raw[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return RecordError{line, column,
                     "ill-formed " + source.encoding() +
                         " (a lone surrogate, a cut character or a byte the encoding does not "
                         "define); re-export the file or pass --encoding"};
}

std::size_t first_invalid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Survey text is mostly ASCII: eight bytes at a time while none has its high bit set.
    std::uint64_t word;
    if (i + sizeof word <= bytes.size() &&
        (std::memcpy(&word, p + i, sizeof word), (word & 0x8080808080808080ULL) == 0)) {
      i += sizeof word;
      continue;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    bool truncated;
    const std::size_t len = utf8_sequence_length(p + i, bytes.size() - i, &truncated);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

struct Utf8Source::Converter {
  ConverterPtr from;
  std::vector<UChar> utf16;
  UChar carry = 0;  // a lead surrogate whose trail comes with the next call

  // Converts `raw` (may end mid-character unless `flush`) and appends UTF-8 to `out`. Each
  // ill-formed or unmappable sequence becomes kIllFormedMark: the callback stops at it instead
  // of substituting U+FFFD, so the record holding it is rejected, as invalid UTF-8 is.
  void convert(std::string_view raw, bool flush, std::string& out, const std::string& name) {
    static const char kNothing[1] = {0};  // ICU rejects a null source even when flushing
    const char* src = raw.empty() ? kNothing : raw.data();
    const char* src_end = src + raw.size();
    for (;;) {
      utf16.resize(raw.size() + 64);
      UChar* target = utf16.data();
      if (carry != 0) *target++ = std::exchange(carry, UChar{0});
      UErrorCode status = U_ZERO_ERROR;
      ucnv_toUnicode(from.get(), &target, utf16.data() + utf16.size(), &src, src_end, nullptr,
                     flush, &status);
      const bool ill_formed = status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
                              status == U_TRUNCATED_CHAR_FOUND;
      std::size_t n = static_cast<std::size_t>(target - utf16.data());
      if (status == U_BUFFER_OVERFLOW_ERROR && n > 0 && U16_IS_LEAD(utf16[n - 1])) {
        carry = utf16[--n];
      }
      append_utf8(n, out, name);
      if (ill_formed) {
        out.push_back(kIllFormedMark);
        // The callback consumed the bad sequence: go on with the rest (a cut character at the
        // very end is the last thing there is).
        if (src < src_end || (flush && status != U_TRUNCATED_CHAR_FOUND)) continue;
        return;
      }
      if (status == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(status)) {
        throw InputError({name, 0, 0},
                         std::string("cannot convert to UTF-8: ") + u_errorName(status));
      }
      return;
    }
  }

  void append_utf8(std::size_t n, std::string& out, const std::string& name) {
    if (n == 0) return;
    const std::size_t at = out.size();
    out.resize(at + n * 3);
    int32_t written = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8(out.data() + at, static_cast<int32_t>(n * 3), &written, utf16.data(),
                static_cast<int32_t>(n), &status);
    if (U_FAILURE(status)) {
      throw InputError({name, 0, 0},
                       std::string("cannot convert to UTF-8: ") + u_errorName(status));
    }
    out.resize(at + static_cast<std::size_t>(written));
  }
};

Utf8Source::Utf8Source(std::string name, std::FILE* file, bool owns_file, std::string preloaded)
    : name_(std::move(name)), file_(file), owns_file_(owns_file), pending_(std::move(preloaded)) {
  eof_ = file_ == nullptr;
}

Utf8Source::~Utf8Source() {
  if (owns_file_ && file_ != nullptr) std::fclose(file_);
}

std::unique_ptr<Utf8Source> Utf8Source::open(const std::string& path,
                                             const std::string& forced_encoding,
                                             std::shared_ptr<PeekableInput> standard_input) {
  if (path == "-" && standard_input) {
    std::unique_ptr<Utf8Source> src(
        new Utf8Source(standard_input->name(), nullptr, false, std::string()));
    src->input_ = std::move(standard_input);
    src->eof_ = false;
    src->detect_and_prepare(forced_encoding);
    return src;
  }
  std::FILE* f = nullptr;
  bool owns = true;
  if (path == "-") {
    f = stdin;
    owns = false;
  } else {
    f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      throw InputError({path, 0, 0}, std::string("cannot open file: ") + std::strerror(errno));
    }
  }
  std::unique_ptr<Utf8Source> src(
      new Utf8Source(path == "-" ? "<stdin>" : path, f, owns, std::string()));
  src->detect_and_prepare(forced_encoding);
  return src;
}

std::unique_ptr<Utf8Source> Utf8Source::from_bytes(std::string bytes, const std::string& name,
                                                   const std::string& forced_encoding) {
  std::unique_ptr<Utf8Source> src(new Utf8Source(name, nullptr, false, std::move(bytes)));
  src->raw_hasher_.add_bytes(src->pending_);
  src->memory_ = src->pending_;
  src->detect_and_prepare(forced_encoding);
  return src;
}

bool Utf8Source::fill_raw(std::string& raw) {
  raw.clear();
  if (eof_) return false;
  raw.resize(kChunk);
  const std::size_t n =
      input_ ? input_->read(raw.data(), kChunk) : std::fread(raw.data(), 1, kChunk, file_);
  raw.resize(n);
  if (n < kChunk) {
    if (!input_ && std::ferror(file_)) {
      throw InputError({name_, 0, 0}, std::string("read error: ") + std::strerror(errno));
    }
    eof_ = true;
  }
  // A second pass after rewind() hashes only what the first did not reach.
  if (raw_offset_ + n > raw_hashed_) {
    raw_hasher_.add_bytes(std::string_view(raw).substr(raw_hashed_ - raw_offset_));
    raw_hashed_ = raw_offset_ + n;
  }
  raw_offset_ += n;
  return n > 0;
}

void Utf8Source::detect_and_prepare(const std::string& forced_encoding) {
  // Read the detection sample.
  std::string more;
  while (pending_.size() < kChunk && fill_raw(more)) pending_ += more;

  std::string enc = forced_encoding;
  std::size_t bom = 0;
  const auto starts = [&](std::string_view b) { return pending_.compare(0, b.size(), b) == 0; };
  if (starts("\xEF\xBB\xBF")) {
    bom = 3;
    if (enc.empty()) enc = "UTF-8";
  } else if (starts("\xFF\xFE")) {
    bom = 2;
    if (enc.empty()) enc = "UTF-16LE";
  } else if (starts("\xFE\xFF")) {
    bom = 2;
    if (enc.empty()) enc = "UTF-16BE";
  }
  if (enc.empty()) enc = utf16_without_bom(pending_);
  if (enc.empty()) {
    // UTF-8 when the sample is well-formed, or when well-formed multi-byte characters outnumber
    // the bad bytes: then the bad rows are rejected one by one instead of the whole file being
    // decoded as a legacy charset (and every accent mangled).
    std::size_t valid = 0, invalid = 0;
    utf8_evidence(pending_, &valid, &invalid);
    if (invalid == 0 || valid > invalid) enc = "UTF-8";
  }
  if (enc.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, UcsdetCloser> det(ucsdet_open(&status));
    ucsdet_setText(det.get(), pending_.data(), static_cast<int32_t>(pending_.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
    std::string guess = "windows-1252";
    if (U_SUCCESS(status) && match != nullptr) {
      const char* name = ucsdet_getName(match, &status);
      const int32_t confidence = ucsdet_getConfidence(match, &status);
      if (U_SUCCESS(status) && name != nullptr) {
        const std::string n = name;
        // Office exports labelled Latin-1 are really Windows-1252 (curly quotes, euro sign
        // live in 0x80-0x9F), and 1252 decodes every Latin-1 text identically otherwise.
        if (n == "ISO-8859-1") {
          guess = "windows-1252";
        } else if (n.rfind("ISO-8859-", 0) == 0 || n.rfind("windows-125", 0) == 0 ||
                   confidence >= 50) {
          guess = n;
        }
      }
    }
    enc = guess;
  }
  encoding_ = enc;
  pending_.erase(0, bom);
  converter_.reset();

  const bool is_utf8 = enc == "UTF-8" || enc == "utf-8" || enc == "utf8" || enc == "UTF8";
  if (is_utf8) {
    encoding_ = "UTF-8";
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  auto conv = std::make_unique<Converter>();
  conv->from.reset(ucnv_open(enc.c_str(), &status));
  if (U_FAILURE(status)) {
    throw InputError({name_, 0, 0}, "unknown encoding '" + enc + "'");
  }
  ucnv_setToUCallBack(conv->from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  if (U_FAILURE(status)) throw InputError({name_, 0, 0}, "cannot set up the converter");
  converter_ = std::move(conv);
}

bool Utf8Source::read(std::string& out) {
  for (;;) {
    if (!read_converted(out)) return false;
    if (spool_ && !replaying_spool_) spool_->append(out);
    if (at_start_) {
      // More BOMs after the first (a tool that added its own) are no text either.
      constexpr std::string_view kBom = "\xEF\xBB\xBF";
      std::size_t skip = 0;
      while (out.compare(skip, kBom.size(), kBom) == 0) skip += kBom.size();
      out.erase(0, skip);
      if (out.empty()) continue;
      at_start_ = false;
    }
    return true;
  }
}

bool Utf8Source::read_converted(std::string& out) {
  out.clear();
  if (replaying_spool_) {
    if (spool_->read(out)) return true;
    spool_.reset();
    replaying_spool_ = false;
  }
  if (!replay_.empty()) {
    out.swap(replay_);
    return true;
  }
  std::string raw;
  if (!pending_.empty()) {
    raw.swap(pending_);
  } else if (!fill_raw(raw)) {
    if (converter_ && converter_->from) {
      converter_->convert({}, true, out, name_);  // flush a dangling partial character
      converter_->from.reset();
      return !out.empty();
    }
    return false;
  }
  if (!converter_) {
    out.swap(raw);
    return true;
  }
  converter_->convert(raw, false, out, name_);
  return true;
}

void Utf8Source::enable_rewind() {
  if (!input_ && (file_ == nullptr || std::fseek(file_, 0, SEEK_CUR) == 0)) return;  // seekable
  spool_ = std::make_unique<TextSpool>(16 * kChunk);
}

void Utf8Source::rewind() {
  at_start_ = true;
  if (spool_) {
    // What read() gave so far is in the spool; what it has not given yet follows it.
    replaying_spool_ = true;
    return;
  }
  if (input_) throw InputError({name_, 0, 0}, "cannot read standard input again");
  replay_.clear();
  if (file_ == nullptr) {
    pending_ = memory_;
  } else {
    if (std::fseek(file_, 0, SEEK_SET) != 0) {
      throw InputError({name_, 0, 0}, std::string("cannot read again: ") + std::strerror(errno));
    }
    std::clearerr(file_);
    pending_.clear();
    eof_ = false;
    raw_offset_ = 0;
  }
  detect_and_prepare(encoding_);
}

void truncate_to_char_boundary(std::string& s) {
  std::size_t start = s.size();
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return;
  const auto lead = static_cast<unsigned char>(s[start - 1]);
  const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (s.size() - (start - 1) < length) s.resize(start - 1);
}

}  // namespace ascolto

#include "io/utf8_source.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "common/error.h"

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

}  // namespace

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
  ConverterPtr to;
  std::array<UChar, 4096> pivot{};
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();

  // Converts `raw` (may end mid-character unless `flush`) and appends UTF-8 to `out`.
  void convert(std::string_view raw, bool flush, std::string& out, const std::string& name) {
    static const char kNothing[1] = {0};  // ICU rejects a null source even when flushing
    const char* src = raw.empty() ? kNothing : raw.data();
    const char* src_end = src + raw.size();
    std::vector<char> buf(raw.size() * 3 + 16);
    for (;;) {
      char* target = buf.data();
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(to.get(), from.get(), &target, buf.data() + buf.size(), &src, src_end,
                     pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), false,
                     flush, &status);
      out.append(buf.data(), target);
      if (status == U_BUFFER_OVERFLOW_ERROR) continue;
      if (U_FAILURE(status)) {
        throw InputError({name, 0, 0},
                         std::string("cannot convert to UTF-8: ") + u_errorName(status));
      }
      return;
    }
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
                                             const std::string& forced_encoding) {
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
  src->detect_and_prepare(forced_encoding);
  return src;
}

bool Utf8Source::fill_raw(std::string& raw) {
  raw.clear();
  if (eof_) return false;
  raw.resize(kChunk);
  const std::size_t n = std::fread(raw.data(), 1, kChunk, file_);
  raw.resize(n);
  if (n < kChunk) {
    if (std::ferror(file_)) {
      throw InputError({name_, 0, 0}, std::string("read error: ") + std::strerror(errno));
    }
    eof_ = true;
  }
  raw_hasher_.add_bytes(raw);
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
  conv->to.reset(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) throw InputError({name_, 0, 0}, "ICU has no UTF-8 converter");
  converter_ = std::move(conv);
}

bool Utf8Source::read(std::string& out) {
  out.clear();
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

void truncate_to_char_boundary(std::string& s) {
  std::size_t start = s.size();
  while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
  if (start == 0) return;
  const auto lead = static_cast<unsigned char>(s[start - 1]);
  const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (s.size() - (start - 1) < length) s.resize(start - 1);
}

}  // namespace ascolto

// Personal data in survey comments and in every other field that is stored or printed, replaced
// by a placeholder: e-mail addresses [EMAIL] (any script: "rené@università.it"), phone numbers
// [PHONE] (Italian, international, North American), IBANs [IBAN] (mod-97 checked), payment card
// numbers [CARD] (Luhn checked), Italian codici fiscali [CODICE_FISCALE] and partite IVA
// [PARTITA_IVA] (check character / check digit verified). Checksums and shapes keep look-alikes
// (order numbers, prices, dates, times, tracking codes) as they are. The rules read the text
// folded (privacy/folded_text.h: invisible characters, no-break spaces, full-width digits, HTML
// entities, "[at]"), and replace what they find in the text as written.
//
//   Redactor redactor;
//   PiiCounts counts = redactor.redact(text);   // text now says "scrivetemi a [EMAIL]"
//   std::string quoted = redactor.redacted(field);  // a copy, for a segment or an error message
//
// For a field quoted in a message, redact the whole value first and shorten it after: a number
// cut in half is no longer recognised. Ids that must stay join keys: privacy/pseudonym.h.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace ascolto {

// In the order the rules run: the most specific shapes first, phones (the loosest) last.
enum class PiiKind : std::uint8_t { Email, Iban, Card, CodiceFiscale, PartitaIva, Phone };
constexpr std::size_t kPiiKinds = 6;

// "email", "iban", "card", "codice_fiscale", "partita_iva", "phone".
const char* pii_kind_name(PiiKind kind);
// "[EMAIL]", "[IBAN]", ...
const char* pii_placeholder(PiiKind kind);

struct PiiCounts {
  std::array<std::int64_t, kPiiKinds> by_kind{};
  std::int64_t operator[](PiiKind kind) const { return by_kind[static_cast<std::size_t>(kind)]; }
  std::int64_t total() const;
  PiiCounts& operator+=(const PiiCounts& other);
};

// One identifier found in a text: its kind and its bytes [begin, end) in the text as written
// (invisible characters right after it included).
struct PiiMatch {
  PiiKind kind;
  std::size_t begin;
  std::size_t end;
};

PiiCounts count(const std::vector<PiiMatch>& found);

// `text` with each of `found` (as Redactor::find returns them) replaced by replacement(match).
std::string replace_matches(std::string_view text, const std::vector<PiiMatch>& found,
                            const std::function<std::string(const PiiMatch&)>& replacement);

// Checks used to tell real identifiers from look-alikes; exposed for tests.
bool luhn_valid(std::string_view digits);
bool iban_valid(std::string_view iban);            // spaces or dashes allowed, any case
bool codice_fiscale_valid(std::string_view code);  // 16 characters, upper case
bool partita_iva_valid(std::string_view digits);   // 11 digits

class Redactor {
 public:
  Redactor();
  ~Redactor();
  Redactor(const Redactor&) = delete;
  Redactor& operator=(const Redactor&) = delete;

  // Replaces every recognised identifier in `text` (UTF-8) by its placeholder and counts them.
  // Valid UTF-8 stays valid. Thread-safe, like every member below. The same rules serve a
  // comment, a short field (segment value, respondent, a rejected row's raw text) and a value
  // quoted in an error message.
  PiiCounts redact(std::string& text) const;

  // `text` redacted, as a copy; adds what it replaced to `*counts` if given.
  std::string redacted(std::string_view text, PiiCounts* counts = nullptr) const;

  // The identifiers in `text`, in order, not overlapping; `text` is left as it is.
  std::vector<PiiMatch> find(std::string_view text) const;

 private:
  struct Rule;
  std::array<std::unique_ptr<Rule>, kPiiKinds> rules_;
};

}  // namespace ascolto

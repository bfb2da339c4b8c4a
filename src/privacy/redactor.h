// Personal data in survey comments, replaced by a placeholder before anything is stored or
// written: e-mail addresses [EMAIL], phone numbers [PHONE] (Italian and international), IBANs
// [IBAN] (mod-97 checked), payment card numbers [CARD] (Luhn checked), Italian codici fiscali
// [CODICE_FISCALE] and partite IVA [PARTITA_IVA] (check character / check digit verified).
// Checksums keep look-alikes (order numbers, prices, dates) as they are.
//
//   Redactor redactor;
//   PiiCounts counts = redactor.redact(text);   // text now says "scrivetemi a [EMAIL]"
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

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

// Checks used to tell real identifiers from look-alikes; exposed for tests.
bool luhn_valid(std::string_view digits);
bool iban_valid(std::string_view iban);            // spaces allowed, upper case
bool codice_fiscale_valid(std::string_view code);  // 16 characters, upper case
bool partita_iva_valid(std::string_view digits);   // 11 digits

class Redactor {
 public:
  Redactor();
  ~Redactor();
  Redactor(const Redactor&) = delete;
  Redactor& operator=(const Redactor&) = delete;

  // Replaces every recognised identifier in `text` (UTF-8) and counts them. Thread-safe.
  PiiCounts redact(std::string& text) const;

 private:
  struct Rule;
  std::array<std::unique_ptr<Rule>, kPiiKinds> rules_;
};

}  // namespace ascolto

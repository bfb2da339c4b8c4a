// Ids that hold personal data (a source id or respondent id that is an e-mail address or a
// phone number), made fit to store and print while they stay usable as join keys. Each
// identifier the Redactor finds in an id is replaced by "[KIND:h]", h being 16 hex digits of a
// keyed 64-bit hash (XXH3 with a secret derived from the key) of the identifier's exact bytes;
// the rest of the id stays:
//   "mario.rossi@example.com"  -> "[EMAIL:hhhhhhhhhhhhhhhh]"
//   "cliente-3331234567"       -> "cliente-[PHONE:hhhhhhhhhhhhhhhh]"
//   "R-000123"                 -> "R-000123" (nothing personal: unchanged)
// Under one key, equal ids give equal pseudonyms and different ids different ones (a collision
// needs about 4 billion distinct identifiers), so joins, deduplication and re-imports keep
// working; "Mario@..." and "mario@..." stay two ids, as they were.
//
// The key: 32 random bytes, one per database (PseudonymKey::generate, stored by the caller, e.g.
// in the database's meta table, as hex()), so the pseudonyms of two databases cannot be matched
// and no one can precompute a table without the key. XXH3 is not a cryptographic MAC: whoever
// holds both a pseudonym and the key can test guesses (every mobile number is ~10^10 guesses), so
// the key protects what is shared without it (reports, JSONL, CSV exports), not a copy of the
// database that holds it. Keep the key out of what you share.
//
//   const PseudonymKey key = PseudonymKey::generate();   // or *PseudonymKey::from_hex(stored)
//   const Pseudonymizer pseudonyms(redactor, key);
//   std::string id = "mario@example.com";
//   pseudonyms.pseudonymize(id);                          // id == "[EMAIL:...]"
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "privacy/redactor.h"

namespace ascolto {

class PseudonymKey {
 public:
  static constexpr std::size_t kBytes = 32;

  // A new random key (std::random_device).
  static PseudonymKey generate();
  // The key written by hex(): exactly 64 hex digits, either case; nullopt otherwise.
  static std::optional<PseudonymKey> from_hex(std::string_view hex);
  // 64 lower-case hex digits.
  std::string hex() const;

  const std::array<std::uint8_t, kBytes>& bytes() const { return bytes_; }

 private:
  std::array<std::uint8_t, kBytes> bytes_{};
};

class Pseudonymizer {
 public:
  // `redactor` must outlive this object.
  Pseudonymizer(const Redactor& redactor, const PseudonymKey& key);
  ~Pseudonymizer();
  Pseudonymizer(const Pseudonymizer&) = delete;
  Pseudonymizer& operator=(const Pseudonymizer&) = delete;

  // Replaces each identifier in `id` by its pseudonym "[KIND:16 hex]" and counts them; an id
  // with none stays as it is. Thread-safe.
  PiiCounts pseudonymize(std::string& id) const;
  // `id` pseudonymized, as a copy; adds what it replaced to `*counts` if given.
  std::string pseudonymized(std::string_view id, PiiCounts* counts = nullptr) const;

  // "[EMAIL:hhhhhhhhhhhhhhhh]": the pseudonym of one identifier of `kind`.
  std::string pseudonym(PiiKind kind, std::string_view identifier) const;

 private:
  const Redactor& redactor_;
  struct Secret;
  std::unique_ptr<Secret> secret_;
};

}  // namespace ascolto

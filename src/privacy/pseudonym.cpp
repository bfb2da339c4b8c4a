#include "privacy/pseudonym.h"

#define XXH_STATIC_LINKING_ONLY  // XXH3_generateSecret, XXH3_SECRET_DEFAULT_SIZE
#include <xxhash.h>

#include <cstdio>
#include <random>

namespace ascolto {

PseudonymKey PseudonymKey::generate() {
  std::random_device device;
  PseudonymKey key;
  for (std::uint8_t& byte : key.bytes_) byte = static_cast<std::uint8_t>(device());
  return key;
}

std::optional<PseudonymKey> PseudonymKey::from_hex(std::string_view hex) {
  if (hex.size() != 2 * kBytes) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  PseudonymKey key;
  for (std::size_t i = 0; i < kBytes; ++i) {
    const int high = nibble(hex[2 * i]), low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    key.bytes_[i] = static_cast<std::uint8_t>(high * 16 + low);
  }
  return key;
}

std::string PseudonymKey::hex() const {
  std::string out;
  char pair[3];
  for (const std::uint8_t byte : bytes_) {
    std::snprintf(pair, sizeof pair, "%02x", byte);
    out += pair;
  }
  return out;
}

// XXH3 wants a secret of at least 136 bytes with high entropy in every byte; its generator
// spreads the 32 key bytes over one.
struct Pseudonymizer::Secret {
  std::array<unsigned char, XXH3_SECRET_DEFAULT_SIZE> bytes;
};

Pseudonymizer::Pseudonymizer(const Redactor& redactor, const PseudonymKey& key)
    : redactor_(redactor), secret_(std::make_unique<Secret>()) {
  XXH3_generateSecret(secret_->bytes.data(), secret_->bytes.size(), key.bytes().data(),
                      key.bytes().size());
}

Pseudonymizer::~Pseudonymizer() = default;

std::string Pseudonymizer::pseudonym(PiiKind kind, std::string_view identifier) const {
  const XXH64_hash_t hash = XXH3_64bits_withSecret(identifier.data(), identifier.size(),
                                                   secret_->bytes.data(), secret_->bytes.size());
  const std::string_view placeholder = pii_placeholder(kind);  // "[EMAIL]"
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(hash));
  std::string out(placeholder.substr(0, placeholder.size() - 1));
  return out.append(":").append(digits).append("]");
}

std::string Pseudonymizer::pseudonymized(std::string_view id, PiiCounts* counts) const {
  const std::vector<PiiMatch> found = redactor_.find(id);
  if (counts != nullptr) *counts += count(found);
  return replace_matches(id, found, [&](const PiiMatch& m) {
    return pseudonym(m.kind, id.substr(m.begin, m.end - m.begin));
  });
}

PiiCounts Pseudonymizer::pseudonymize(std::string& id) const {
  PiiCounts counts;
  std::string out = pseudonymized(id, &counts);
  if (counts.total() > 0) id = std::move(out);
  return counts;
}

}  // namespace ascolto

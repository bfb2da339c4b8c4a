#include "privacy/redactor.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace ascolto {
namespace {

struct KindInfo {
  const char* name;
  const char* placeholder;
  const char* pattern;
  bool (*valid)(std::string_view match);
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string only_digits(std::string_view s) {
  std::string digits;
  std::copy_if(s.begin(), s.end(), std::back_inserter(digits), is_digit);
  return digits;
}

std::string upper_alnum(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0)
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

bool any_match(std::string_view) {
  return true;
}
bool card_match(std::string_view m) {
  return luhn_valid(only_digits(m));
}
bool iban_match(std::string_view m) {
  return iban_valid(m);
}
bool codice_fiscale_match(std::string_view m) {
  return codice_fiscale_valid(upper_alnum(m));
}
bool partita_iva_match(std::string_view m) {
  return partita_iva_valid(only_digits(m));
}
// E.164 numbers have at most 15 digits; fewer than 8 is an amount or a code, not a phone.
bool phone_match(std::string_view m) {
  const std::size_t n = only_digits(m).size();
  return n >= 8 && n <= 15;
}

// Indexed by PiiKind. RE2's \b is ASCII-only, which is what these identifiers are made of.
constexpr std::array<KindInfo, kPiiKinds> kKinds = {{
    {"email", "[EMAIL]", R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})",
     any_match},
    {"iban", "[IBAN]", R"(\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b)",
     iban_match},
    {"card", "[CARD]", R"(\b[0-9](?:[ \-]?[0-9]){12,18}\b)", card_match},
    {"codice_fiscale", "[CODICE_FISCALE]",
     R"((?i)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b)",
     codice_fiscale_match},
    {"partita_iva", "[PARTITA_IVA]", R"(\b(?:IT ?)?[0-9]{11}\b)", partita_iva_match},
    // International (+39, 0044 ...), Italian mobile (3xx) and landline (0x...) numbers.
    {"phone", "[PHONE]",
     R"((?:\+|\b00)[1-9][0-9]{0,3}(?:[ .\-]?\(?[0-9]{2,5}\)?){1,5}\b)"
     R"(|\b3[0-9]{2}[ .\-]?[0-9]{3}[ .\-]?[0-9]{3,4}\b)"
     R"(|\b0[0-9]{1,3}(?:[ .\-]?[0-9]{3,8}){1,2}\b)",
     phone_match},
}};

// What each kind needs at the least, from one pass over the text: most comments have no '@',
// few digits and no 16-character word, and then no regex needs to run. Replacing a match only
// removes digits and '@' and puts in bracketed placeholders, so what holds for the original text
// holds for every later rule's input too.
struct TextShape {
  bool at = false;
  std::size_t digits = 0;
  std::size_t longest_alnum = 0;  // longest run of ASCII letters and digits

  explicit TextShape(std::string_view text) {
    std::size_t run = 0;
    for (const char c : text) {
      at = at || c == '@';
      digits += is_digit(c);
      run = std::isalnum(static_cast<unsigned char>(c)) != 0 ? run + 1 : 0;
      longest_alnum = std::max(longest_alnum, run);
    }
  }

  bool may_hold(PiiKind kind) const {
    switch (kind) {
      case PiiKind::Email:
        return at;
      case PiiKind::Iban:
        return digits >= 2;
      case PiiKind::Card:
        return digits >= 13;
      case PiiKind::CodiceFiscale:
        return longest_alnum >= 16;
      case PiiKind::PartitaIva:
        return digits >= 11;
      case PiiKind::Phone:
        return digits >= 8;  // phone_match
    }
    return true;
  }
};

// Value of a codice fiscale character in an odd (1st, 3rd...) position, digits as A..J.
constexpr std::array<int, 26> kOddValues = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                            20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

}  // namespace

struct Redactor::Rule {
  PiiKind kind;
  re2::RE2 regex;
  Rule(PiiKind k, const char* pattern) : kind(k), regex(pattern, re2::RE2::Quiet) {}
};

const char* pii_kind_name(PiiKind kind) {
  return kKinds[static_cast<std::size_t>(kind)].name;
}

const char* pii_placeholder(PiiKind kind) {
  return kKinds[static_cast<std::size_t>(kind)].placeholder;
}

std::int64_t PiiCounts::total() const {
  std::int64_t sum = 0;
  for (const std::int64_t n : by_kind) sum += n;
  return sum;
}

PiiCounts& PiiCounts::operator+=(const PiiCounts& other) {
  for (std::size_t i = 0; i < kPiiKinds; ++i) by_kind[i] += other.by_kind[i];
  return *this;
}

bool luhn_valid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (!is_digit(*it)) return false;
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool iban_valid(std::string_view iban) {
  std::string compact;
  std::copy_if(iban.begin(), iban.end(), std::back_inserter(compact),
               [](char c) { return c != ' '; });
  if (compact.size() < 15 || compact.size() > 34) return false;
  // ISO 13616: move the country and check digits to the end, letters count 10..35, mod 97 == 1.
  std::rotate(compact.begin(), compact.begin() + 4, compact.end());
  int remainder = 0;
  for (const char c : compact) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool codice_fiscale_valid(std::string_view code) {
  if (code.size() != 16) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 15; ++i) {
    const char c = code[i];
    int index;
    if (is_digit(c)) {
      index = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      index = c - 'A';
    } else {
      return false;
    }
    // Positions are 1-based in the specification, so index 0 is an odd position.
    sum += i % 2 == 0 ? kOddValues[static_cast<std::size_t>(index)] : index;
  }
  return code[15] == static_cast<char>('A' + sum % 26);
}

bool partita_iva_valid(std::string_view digits) {
  // The partita IVA check digit is the Luhn check digit over its 11 digits.
  return digits.size() == 11 && digits != "00000000000" && luhn_valid(digits);
}

Redactor::Redactor() {
  for (std::size_t i = 0; i < kPiiKinds; ++i) {
    rules_[i] = std::make_unique<Rule>(static_cast<PiiKind>(i), kKinds[i].pattern);
  }
}

Redactor::~Redactor() = default;

PiiCounts Redactor::redact(std::string& text) const {
  PiiCounts counts;
  const TextShape shape(text);
  for (const auto& rule : rules_) {
    if (!shape.may_hold(rule->kind)) continue;
    const KindInfo& info = kKinds[static_cast<std::size_t>(rule->kind)];
    const re2::StringPiece input(text);
    std::string out;
    std::size_t copied = 0, pos = 0;
    re2::StringPiece match;
    while (pos < input.size() &&
           rule->regex.Match(input, pos, input.size(), re2::RE2::UNANCHORED, &match, 1)) {
      const auto start = static_cast<std::size_t>(match.data() - input.data());
      const std::size_t end = start + match.size();
      if (match.empty() || !info.valid(std::string_view(match.data(), match.size()))) {
        pos = start + 1;  // matches start with an ASCII character, so this stays on a boundary
        continue;
      }
      out.append(text, copied, start - copied).append(info.placeholder);
      ++counts.by_kind[static_cast<std::size_t>(rule->kind)];
      copied = pos = end;
    }
    if (copied > 0) {
      out.append(text, copied, std::string::npos);
      text = std::move(out);
    }
  }
  return counts;
}

}  // namespace ascolto

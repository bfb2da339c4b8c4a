#include "privacy/redactor.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "common/error.h"
#include "privacy/folded_text.h"

namespace ascolto {
namespace {

struct KindInfo {
  const char* name;
  const char* placeholder;
  // The identifier is the first capture group that took part in the match, else the match.
  const char* pattern;
  // How much of a candidate (folded text) is the identifier: its length, or 0 if it is none.
  std::size_t (*accept)(std::string_view candidate);
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

std::size_t whole_if(bool valid, std::string_view candidate) {
  return valid ? candidate.size() : 0;
}

// A candidate can run into what follows it ("4111 1111 1111 1111 12/25", an IBAN and the next
// word): if it is not valid as a whole, try it without its last `max_cuts` groups, one at a time.
template <typename Valid>
std::size_t longest_valid(std::string_view candidate, const char* separators, int max_cuts,
                          Valid valid) {
  for (int cuts = 0; !candidate.empty(); ++cuts) {
    if (valid(candidate)) return candidate.size();
    const std::size_t cut = candidate.find_last_of(separators);
    if (cuts == max_cuts || cut == std::string_view::npos) break;
    candidate = candidate.substr(0, cut);
  }
  return 0;
}

std::size_t accept_email(std::string_view m) {
  return m.size();
}
std::size_t accept_iban(std::string_view m) {
  // Every country's account number is mostly digits: ten at the least keeps words out.
  return longest_valid(
      m, " -", 2, [](std::string_view c) { return only_digits(c).size() >= 10 && iban_valid(c); });
}
std::size_t accept_card(std::string_view m) {
  return longest_valid(m, " -.", 1, [](std::string_view c) {
    const std::string digits = only_digits(c);
    return digits.size() >= 13 && digits.size() <= 19 && luhn_valid(digits);
  });
}
std::size_t accept_codice_fiscale(std::string_view m) {
  return whole_if(codice_fiscale_valid(upper_alnum(m)), m);
}
std::size_t accept_partita_iva(std::string_view m) {
  return whole_if(partita_iva_valid(only_digits(m)), m);
}
// E.164 numbers have at most 15 digits; fewer than 8 is an amount or a code, not a phone.
std::size_t accept_phone(std::string_view m) {
  const std::size_t n = only_digits(m).size();
  return whole_if(n >= 8 && n <= 15, m);
}

// Indexed by PiiKind. The rules read the folded text (privacy/folded_text.h): spaces, dashes and
// digits are ASCII there. RE2's \b is ASCII-only, which is what the numbers are made of.
constexpr std::array<KindInfo, kPiiKinds> kKinds = {{
    // Local parts and domains may be in any script (RFC 6531, IDNA): "rené.dupont@example.fr",
    // "giulia@università.it".
    {"email", "[EMAIL]",
     R"([\p{L}\p{M}\p{N}._%+\-]+@[\p{L}\p{M}\p{N}\-]+(?:\.[\p{L}\p{M}\p{N}\-]+)*\.[\p{L}\p{M}]{2,})",
     accept_email},
    // Any case, grouped by spaces or dashes.
    {"iban", "[IBAN]",
     R"((?i)\b[A-Z]{2}[0-9]{2}(?:[ \-]?[A-Z0-9]{4}){2,7}(?:[ \-]?[A-Z0-9]{1,3})?\b)", accept_iban},
    // Digits alone or grouped by spaces or dashes; groups of four also by dots.
    {"card", "[CARD]", R"(\b[0-9](?:[ \-]?[0-9]){12,18}\b|\b[0-9]{4}(?:\.[0-9]{4}){3}\b)",
     accept_card},
    {"codice_fiscale", "[CODICE_FISCALE]",
     R"((?i)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b)",
     accept_codice_fiscale},
    // Eleven digits in a row anywhere; grouped ("123 456 789 03") only after a label, where the
    // groups cannot be anything else.
    {"partita_iva", "[PARTITA_IVA]",
     R"(\b((?:IT ?)?[0-9]{11})\b)"
     R"(|\b(?i:p\.? ?iva|partita iva|vat(?: number| no\.?| id)?)[: ]*)"
     R"(((?:IT ?)?[0-9](?:[ .\-]?[0-9]){10})\b)",
     accept_partita_iva},
    // International (+39, 0044, "+44 (0)20"), North American ("(415) 555-2671"), Italian mobile
    // (3xx) and landline (0x...) numbers, grouped by spaces, dots, dashes or a slash. A number
    // may be glued to a lower-case word ("cell3331234567"), not to an upper-case letter or a
    // digit: "AB0212345678" is a code, not a phone; nor can a separator join it to more digits
    // ("ordine 303-1234567-1234567").
    {"phone", "[PHONE]",
     R"((?:^[\-./]?|[^0-9A-Z\-./]|[^0-9][\-./])()"
     R"((?:\+|00)[1-9][0-9]{0,3}(?: ?\(0\))?(?:[ .\-/]?\(?[0-9]{2,5}\)?){1,5})"
     R"(|\([2-9][0-9]{2}\) ?[0-9]{3}[ .\-]?[0-9]{4})"
     R"(|[2-9][0-9]{2}[.\-][0-9]{3}[.\-][0-9]{4})"
     R"(|3[0-9]{2}[ .\-/]?[0-9]{3}[ .\-]?[0-9]{3,4})"
     R"(|0[0-9]{1,3}(?:[ .\-/]?[0-9]{3,8}){1,2})"
     R"()(?:$|[^0-9\-./]|[\-./](?:$|[^0-9])))",
     accept_phone},
}};

// What each kind needs at the least, from one pass over the folded text: most comments have no
// '@', few digits and no 16-character word, and then no regex needs to run. Blanking a match
// only removes digits, letters and '@', so what holds for the folded text holds for every later
// rule's input too.
struct TextShape {
  bool at = false;
  std::size_t digits = 0;
  std::size_t longest_alnum = 0;  // longest run of ASCII letters and digits

  explicit TextShape(std::string_view text) {
    std::size_t run = 0;
    for (const char c : text) {
      at = at || c == '@';
      digits += is_digit(c);
      const char lower = static_cast<char>(c | 0x20);  // no locale call: this runs on every byte
      run = is_digit(c) || (lower >= 'a' && lower <= 'z') ? run + 1 : 0;
      longest_alnum = std::max(longest_alnum, run);
    }
  }

  bool may_hold(PiiKind kind) const {
    switch (kind) {
      case PiiKind::Email:
        return at;
      case PiiKind::Iban:
        return digits >= 10;  // accept_iban
      case PiiKind::Card:
        return digits >= 13;
      case PiiKind::CodiceFiscale:
        return longest_alnum >= 16;
      case PiiKind::PartitaIva:
        return digits >= 11;
      case PiiKind::Phone:
        return digits >= 8;  // accept_phone
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
  int groups;
  Rule(PiiKind k, const char* pattern) : kind(k), regex(pattern, re2::RE2::Quiet) {
    if (!regex.ok())
      throw AscoltoError(std::string("privacy rule ") + pii_kind_name(k) + ": " + regex.error());
    groups = regex.NumberOfCapturingGroups();
  }
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
  for (const char c : iban) {
    if (c != ' ' && c != '-')
      compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
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

std::vector<PiiMatch> Redactor::find(std::string_view text) const {
  const FoldedText folded(text);
  std::string_view view = folded.view();
  const TextShape shape(view);
  std::string blanked;  // `view` with the identifiers found so far blanked, made on the first
  std::vector<PiiMatch> found;
  std::vector<re2::StringPiece> groups;
  for (const auto& rule : rules_) {
    if (!shape.may_hold(rule->kind)) continue;
    const KindInfo& info = kKinds[static_cast<std::size_t>(rule->kind)];
    groups.assign(static_cast<std::size_t>(rule->groups) + 1, re2::StringPiece());
    std::size_t pos = 0;
    while (pos < view.size() &&
           rule->regex.Match(re2::StringPiece(view.data(), view.size()), pos, view.size(),
                             re2::RE2::UNANCHORED, groups.data(), rule->groups + 1)) {
      const auto id = std::find_if(groups.begin() + 1, groups.end(),
                                   [](const re2::StringPiece& g) { return g.data() != nullptr; });
      const re2::StringPiece candidate = id == groups.end() ? groups[0] : *id;
      const auto start = static_cast<std::size_t>(candidate.data() - view.data());
      const std::size_t length =
          candidate.empty() ? 0 : info.accept(std::string_view(candidate.data(), candidate.size()));
      if (length == 0) {
        // Try again one character after where this match began.
        pos = static_cast<std::size_t>(groups[0].data() - view.data()) + 1;
        while (pos < view.size() && (static_cast<unsigned char>(view[pos]) & 0xC0) == 0x80) ++pos;
        continue;
      }
      found.push_back({rule->kind, start, start + length});
      // Later rules must not see it again (nor read its digits as part of theirs); a control
      // character is in none of their classes and is a word boundary, as a placeholder would be.
      if (blanked.empty()) view = blanked.assign(view);
      std::fill_n(blanked.begin() + static_cast<std::ptrdiff_t>(start), length, '\x01');
      pos = start + length;
    }
  }
  std::sort(found.begin(), found.end(),
            [](const PiiMatch& a, const PiiMatch& b) { return a.begin < b.begin; });
  for (PiiMatch& m : found) {
    m.begin = folded.source_offset(m.begin);
    m.end = folded.source_offset(m.end);
  }
  return found;
}

std::string replace_matches(std::string_view text, const std::vector<PiiMatch>& found,
                            const std::function<std::string(const PiiMatch&)>& replacement) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (const PiiMatch& m : found) {
    out.append(text.substr(copied, m.begin - copied)).append(replacement(m));
    copied = m.end;
  }
  return out.append(text.substr(copied));
}

std::string Redactor::redacted(std::string_view text, PiiCounts* counts) const {
  const std::vector<PiiMatch> found = find(text);
  if (counts != nullptr) *counts += count(found);
  return replace_matches(text, found, [](const PiiMatch& m) { return pii_placeholder(m.kind); });
}

PiiCounts Redactor::redact(std::string& text) const {
  PiiCounts counts;
  const std::vector<PiiMatch> found = find(text);
  if (found.empty()) return counts;  // nothing to copy in the common case
  text = replace_matches(text, found, [](const PiiMatch& m) { return pii_placeholder(m.kind); });
  return count(found);
}

PiiCounts count(const std::vector<PiiMatch>& found) {
  PiiCounts counts;
  for (const PiiMatch& m : found) ++counts.by_kind[static_cast<std::size_t>(m.kind)];
  return counts;
}

}  // namespace ascolto

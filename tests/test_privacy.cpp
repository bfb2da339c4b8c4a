#include <doctest/doctest.h>

#include <string>

#include "privacy/redactor.h"

using namespace ascolto;

namespace {

struct Redacted {
  std::string text;
  PiiCounts counts;
};

Redacted redact(std::string text) {
  static const Redactor redactor;
  const PiiCounts counts = redactor.redact(text);
  return {text, counts};
}

}  // namespace

TEST_CASE("checksums tell real identifiers from look-alikes") {
  CHECK(luhn_valid("4111111111111111"));
  CHECK_FALSE(luhn_valid("4111111111111112"));
  CHECK_FALSE(luhn_valid("41111a1111111111"));
  CHECK(iban_valid("IT60X0542811101000000123456"));
  CHECK(iban_valid("GB82 WEST 1234 5698 7654 32"));
  CHECK_FALSE(iban_valid("IT60X0542811101000000123457"));
  CHECK(codice_fiscale_valid("RSSMRA85T10A562S"));
  CHECK_FALSE(codice_fiscale_valid("RSSMRA85T10A562T"));
  CHECK(partita_iva_valid("12345678903"));
  CHECK_FALSE(partita_iva_valid("12345678901"));
  CHECK_FALSE(partita_iva_valid("00000000000"));
}

TEST_CASE("e-mail addresses") {
  const auto r = redact("scrivetemi a mario.rossi+cx@example.co.uk, grazie");
  CHECK(r.text == "scrivetemi a [EMAIL], grazie");
  CHECK(r.counts[PiiKind::Email] == 1);
  CHECK(r.counts.total() == 1);
}

TEST_CASE("phone numbers, Italian and international") {
  const auto r = redact(
      "chiamatemi al 333 123 4567 o al 3331234567, ufficio 02 1234 5678, UK +44 20 7946 0958, "
      "Svizzera 0041 44 668 18 00");
  CHECK(r.text ==
        "chiamatemi al [PHONE] o al [PHONE], ufficio [PHONE], UK [PHONE], Svizzera [PHONE]");
  CHECK(r.counts[PiiKind::Phone] == 5);
}

TEST_CASE("IBANs, spaced or not, only when mod-97 holds") {
  const auto r =
      redact("rimborso su IT60 X054 2811 1010 0000 0123 456 oppure IT60X0542811101000000123456");
  CHECK(r.text == "rimborso su [IBAN] oppure [IBAN]");
  CHECK(r.counts[PiiKind::Iban] == 2);
  const auto wrong = redact("codice IT60X0542811101000000123457");
  CHECK(wrong.counts.total() == 0);
  CHECK(wrong.text == "codice IT60X0542811101000000123457");
}

TEST_CASE("card numbers only when the Luhn check passes") {
  const auto r = redact("carta 4111 1111 1111 1111 e 4111-1111-1111-1111 addebitata due volte");
  CHECK(r.text == "carta [CARD] e [CARD] addebitata due volte");
  CHECK(r.counts[PiiKind::Card] == 2);
  const auto order = redact("ordine 4111 1111 1111 1112 mai arrivato");
  CHECK(order.counts.total() == 0);
}

TEST_CASE("codici fiscali and partite IVA with their check characters") {
  const auto r = redact("CF rssmra85t10a562s, P.IVA IT12345678903 per la fattura");
  CHECK(r.text == "CF [CODICE_FISCALE], P.IVA [PARTITA_IVA] per la fattura");
  CHECK(r.counts[PiiKind::CodiceFiscale] == 1);
  CHECK(r.counts[PiiKind::PartitaIva] == 1);
  CHECK(redact("CF RSSMRA85T10A562T").counts.total() == 0);
  CHECK(redact("P.IVA 12345678901").counts.total() == 0);
}

TEST_CASE("look-alikes stay: order numbers, prices, dates, short codes") {
  const std::string text =
      "Ordine n. 123456789 del 14/03/2026 (2026-03-14 10:30), pagato 1.299,00 € e 49,90 €; "
      "rimborso di 300.000 lire, codice sconto 0800, tracking 1Z999AA10123456784, voto 10/10";
  const auto r = redact(text);
  CHECK(r.text == text);
  CHECK(r.counts.total() == 0);
}

TEST_CASE("text without personal data and non-ASCII text are untouched") {
  const std::string text =
      "Perché la consegna è arrivata così tardi? 😡 Però il personale è gentile";
  CHECK(redact(text).text == text);
  CHECK(redact("").text.empty());
}

TEST_CASE("counts add up over many comments") {
  PiiCounts total;
  total += redact("a@b.it e c@d.com").counts;
  total += redact("tel. 333 1234567").counts;
  CHECK(total[PiiKind::Email] == 2);
  CHECK(total[PiiKind::Phone] == 1);
  CHECK(total.total() == 3);
  CHECK(std::string(pii_kind_name(PiiKind::CodiceFiscale)) == "codice_fiscale");
  CHECK(std::string(pii_placeholder(PiiKind::Iban)) == "[IBAN]");
}

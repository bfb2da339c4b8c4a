#include "analysis/sentiment_narratives.h"

#include <algorithm>
#include <initializer_list>

#include "analysis/sentiment.h"

namespace ascolto {
std::uint32_t failed_process(const TokenizedText& t, Lang lang, std::uint32_t k,
                             std::uint32_t end) {
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  // How many tokens from `i` say the process failed or was put off, or 0: "cancelled",
  // "pushed back", "rimandato", "spostato".
  const auto failed = [&](std::uint32_t i) -> std::uint32_t {
    const std::string_view w = word(i);
    if (it ? one_of(w, {"annullato",   "annullata",  "annullati",  "annullate", "cancellato",
                        "cancellata",  "cancellati", "cancellate", "saltato",   "saltata",
                        "saltati",     "rinviato",   "rinviata",   "rimandato", "rimandata",
                        "perso",       "persa",      "respinto",   "respinta",  "rifiutato",
                        "rifiutata",   "spostato",   "spostata",   "spostati",  "posticipato",
                        "posticipata", "ritardato",  "ritardata",  "slittato",  "slittata"})
           : one_of(w, {"cancelled", "canceled", "failed", "lost", "rejected", "postponed",
                        "rescheduled", "scrapped", "voided", "delayed", "moved", "changed"}))
      return 1;
    // Put off: "pushed back", "put back", "moved back", "set back".
    return !it && one_of(w, {"pushed", "put", "moved", "set"}) && word(i + 1) == "back" ? 2 : 0;
  };
  const auto process = [&](std::string_view w) {
    return it ? one_of(w, {"ordine", "ordini", "appuntamento", "appuntamenti", "installazione",
                           "attivazione", "intervento", "prenotazione", "richiesta", "pratica",
                           "visita", "portabilità", "consegna", "data"})
              : one_of(w, {"order", "orders", "appointment", "appointments", "installation",
                           "install", "booking", "visit", "activation", "request", "application",
                           "slot", "switch", "transfer", "date", "delivery", "appt", "go-live"});
  };
  const auto determiner = [&](std::string_view w) {
    return it ? one_of(w, {"l'", "il", "lo", "la", "i", "gli", "le", "mio", "mia", "miei", "nostro",
                           "nostra", "un", "una", "un'", "anche"})
              : one_of(w, {"my", "the", "our", "their", "his", "her", "a", "an", "both", "whole",
                           "entire", "first", "second", "new"});
  };
  // A bare change of plan before the process may be the customer's ("changed my order"): only
  // a failure, or a date put back, opens the narrative.
  const bool change_only =
      one_of(word(k), {"moved", "changed", "delayed", "spostato", "spostata", "spostati",
                       "ritardato", "ritardata", "slittato", "slittata"});
  if (const std::uint32_t f = failed(k); f > 0 && !(f == 1 && change_only)) {
    // What the customer did is a choice, not a failure: "I cancelled my order", "ho annullato".
    const std::string_view before = k > 0 ? t.tokens[k - 1].norm : std::string_view();
    const std::string_view two_before = k > 1 ? t.tokens[k - 2].norm : std::string_view();
    if (it ? one_of(before, {"ho", "abbiamo", "avevo", "avevamo", "hai"})
           : one_of(before, {"i", "we"}) ||
                 (one_of(before, {"have", "had", "'ve", "'d"}) && one_of(two_before, {"i", "we"})))
      return 0;
    std::uint32_t i = k + f;
    while (i < k + f + 2 && determiner(word(i))) ++i;
    return process(word(i)) ? i + 1 - k : 0;
  }
  if (!process(word(k))) return 0;
  // "order was cancelled", "order got cancelled twice", "l'ordine è stato annullato".
  std::uint32_t i = k + 1;
  while (i < k + 4 &&
         (it ? one_of(word(i), {"è", "e", "era", "stato", "stata", "stati", "state", "viene",
                                "venuto", "mi", "ci", "poi", "già", "di", "nuovo", "ancora"})
             : one_of(word(i),
                      {"was", "were", "got", "has", "have", "been", "had", "is", "being", "then",
                       "also", "again", "just", "literally", "completely", "totally", "all"})))
    ++i;
  // "date got pushed back", "appointment cancelled", "appuntamento saltato".
  const std::uint32_t f = failed(i);
  return f > 0 ? i + f - k : 0;
}

std::uint32_t unmet_duty(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  std::uint32_t i = k + 1;
  // "It could be cheaper", "potrebbe essere più veloce": room left for better, a complaint; "could
  // be worse" is not one.
  const bool could = it ? one_of(word(k), {"potrebbe", "potrebbero", "potreste"})
                        : word(k) == "could" || word(k) == "might";
  if (could) {
    const bool better =
        it ? word(i) == "essere" && one_of(word(i + 1), {"più", "migliore", "migliori", "meglio"})
           : word(i) == "be" && one_of(word(i + 1), {"cheaper", "better", "quicker", "faster",
                                                     "improved", "clearer", "easier", "more"});
    return better ? 3 : 0;
  }
  if (it) {
    // The person is in the verb: "dovreste", "dovrebbero"; "bisognerebbe" is anyone's duty.
    if (!one_of(word(k), {"dovreste", "dovrebbero", "dovete", "devono", "dovrebbe", "deve",
                          "bisognerebbe", "bisogna", "occorre", "occorrerebbe"}))
      return 0;
  } else {
    const std::string_view modal = word(k);
    if (!one_of(modal, {"should", "must", "need", "needs", "ought", "have", "has"})) return 0;
    if (one_of(modal, {"need", "needs", "ought", "have", "has"})) {
      if (word(i) != "to") return 0;
      ++i;
    }
    // Whose duty: the company's ("you", "they", "your staff"), not the customer's.
    const std::string_view subject = k > 0 ? t.tokens[k - 1].norm : std::string_view();
    const bool theirs =
        one_of(subject, {"you", "they", "u", "company", "staff", "engineers", "engineer", "people",
                         "management", "agents", "advisors", "advisers", "operators", "someone",
                         "somebody", "team", "department", "departments", "companies"});
    const bool comparative_be =
        word(i) == "be" && one_of(word(i + 1), {"more", "less", "better", "made"});
    if (!theirs && !comparative_be) return 0;
    // "You" in a review is often the reader ("you should update the firmware"); the company when
    // it owns what follows ("you need to train your staff") or owes what only a company gives.
    if (subject == "you" || subject == "u") {
      bool owned = false;
      for (std::uint32_t j = i; j < end && j <= i + 6; ++j) owned = owned || word(j) == "your";
      if (!owned &&
          !one_of(word(i) == "really" ? word(i + 1) : word(i),
                  {"refund", "compensate", "honour", "honor", "train", "hire", "employ", "reward",
                   "provide", "offer", "reduce", "lower", "match", "inform", "notify"}))
        return 0;
    }
  }
  while (i < k + 4 && (it ? one_of(word(i), {"davvero", "anche", "almeno", "proprio", "seriamente",
                                             "assolutamente", "non", "veramente"})
                          : one_of(word(i), {"really", "also", "seriously", "definitely", "just",
                                             "urgently", "not", "at", "least", "actually"})))
    ++i;
  const std::string_view verb = word(i);
  // "this should be made clear": what is owed, said in the passive.
  if (!it && verb == "be" && word(i + 1) == "made") return i + 2 - k;
  // "should be more helpful", "dovrebbe essere più chiaro": a better state owed.
  if (one_of(verb, {"be", "essere"}) &&
      one_of(word(i + 1), {"more", "less", "better", "più", "meno"}))
    return i + 1 - k;
  const bool duty =
      it ? one_of(verb, {"fornire",     "formare",    "dare",       "offrire",    "risolvere",
                         "migliorare",  "sistemare",  "ascoltare",  "aggiornare", "informare",
                         "avvisare",    "dire",       "chiamare",   "richiamare", "rispondere",
                         "garantire",   "mandare",    "inviare",    "rimborsare", "risarcire",
                         "rispettare",  "smettere",   "cambiare",   "imparare",   "comunicare",
                         "controllare", "trattare",   "assumere",   "investire",  "rivedere",
                         "spiegare",    "abbassare",  "ridurre",    "mantenere",  "avvertire",
                         "aiutare",     "contattare", "consegnare", "installare"})
         : one_of(verb, {"provide",    "train",  "give",    "offer",   "fix",     "improve",
                         "sort",       "listen", "update",  "inform",  "tell",    "call",
                         "answer",     "reply",  "respond", "ensure",  "send",    "refund",
                         "compensate", "honour", "honor",   "stop",    "change",  "communicate",
                         "check",      "treat",  "explain", "invest",  "hire",    "employ",
                         "reduce",     "lower",  "match",   "reward",  "notify",  "warn",
                         "keep",       "help",   "contact", "deliver", "install", "look",
                         "consider",   "make",   "let",     "sack",    "review"});
  return duty ? i + 1 - k : 0;
}

namespace {

// "doveva" (1), "doveva essere" (2), "doveva essere attivata" (3): over the irrealis modifier it
// shares words with.
std::uint32_t participle_span(const TokenizedText& t, std::uint32_t k, std::uint32_t end) {
  if (norm_within(t, k + 1, end) != "essere") return 1;
  const std::string_view p = norm_within(t, k + 2, end);
  const bool participle =
      p.size() > 4 && one_of(p.substr(p.size() - 3), {"ato", "ata", "ati", "ate", "uto", "uta",
                                                      "ito", "ita", "iti", "ite"});
  return participle ? 3 : 2;
}

}  // namespace

namespace {

// How many tokens from the negator at `k` to the end of "as promised" (as agreed, advertised...)
// after it, or 0: a promise said not to be kept, "not fitted as promised", "non installato come
// concordato". Within kReach tokens of one clause; "no problems, as promised" is split by the
// comma, and only a verb's negator counts ("no problems as expected" is a promise kept).
std::uint32_t promise_denied(const TokenizedText& t, Lang lang, std::uint32_t k,
                             std::uint32_t end) {
  constexpr std::uint32_t kReach = 8;  // tokens from the negator to "as"
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  if (!(it ? one_of(word(k), {"non", "mai"}) : one_of(word(k), {"not", "never"}))) return 0;
  for (std::uint32_t i = k + 1; i < end && i <= k + kReach; ++i) {
    if (t.tokens[i].kind == TokenKind::Punct || joins_statements(t.tokens[i].norm, lang)) return 0;
    if (word(i) != (it ? "come" : "as")) continue;
    const bool promised =
        it ? one_of(word(i + 1), {"promesso", "concordato", "pattuito", "pubblicizzato",
                                  "descritto", "stabilito", "garantito", "previsto"})
           : one_of(word(i + 1), {"promised", "agreed", "advertised", "described", "arranged",
                                  "booked", "stated", "guaranteed", "expected"});
    return promised ? i + 2 - k : 0;
  }
  return 0;
}

}  // namespace

std::uint32_t broken_promise(const TokenizedText& t, Lang lang, std::uint32_t k,
                             std::uint32_t end) {
  constexpr std::uint32_t kReach = 8;  // tokens from "told" to "would"
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  if (const std::uint32_t n = promise_denied(t, lang, k, end)) return n;
  // "as promised", "as I was told", "come promesso", "come mi avevano detto": kept, not broken.
  for (std::uint32_t j = k >= 3 ? k - 3 : 0; j < k; ++j) {
    if (t.tokens[j].norm == (it ? "come" : "as")) return 0;
  }
  const std::string_view w = word(k);
  // Kept after all: "said they would call back and they did", "e così è stato".
  const auto kept = [&] {
    for (std::uint32_t j = k + 1; j + 2 < end && j <= k + 20; ++j) {
      if (it ? word(j) == "così" && one_of(word(j + 1), {"è", "e"}) && word(j + 2) == "stato"
             : word(j) == "and" && one_of(word(j + 1), {"it", "they", "he", "she", "which"}) &&
                   one_of(word(j + 2), {"did", "was", "were", "has", "have", "does", "is"}))
        return true;
    }
    return false;
  };
  // "was supposed to", "were meant to", "doveva essere attivata il 3"; with the subject left out
  // at the start of a sentence, "Meant to go live on the 27th", and as often spelt, "was suppose
  // to".
  if (it ? one_of(w, {"doveva", "dovevano", "dovevate"}) && !kept()
         : one_of(w, {"was", "were", "been"}) &&
               one_of(word(k + 1), {"supposed", "meant", "suppose"}) && word(k + 2) == "to" &&
               !kept())
    return it ? participle_span(t, k, end) : 3;
  const bool opens = k == 0 || t.tokens[k - 1].kind == TokenKind::Punct;
  if (!it && opens && one_of(w, {"supposed", "meant"}) && word(k + 1) == "to" && !kept()) return 2;
  if (!(it ? one_of(w, {"detto", "promesso", "assicurato", "confermato", "garantito", "giurato"})
           : one_of(w, {"told", "promised", "assured", "confirmed", "guaranteed"})))
    return 0;
  // "I was told", "they told me": told to the customer, not a story told.
  if (w == "told" && !(one_of(word(k + 1), {"me", "us"}) ||
                       (k > 0 && one_of(t.tokens[k - 1].norm, {"was", "were", "been", "being"}))))
    return 0;
  // A promise about what would happen: "told it would be active", "detto che sarebbe stata".
  for (std::uint32_t i = k + 1; i < end && i <= k + kReach; ++i) {
    if (t.tokens[i].kind == TokenKind::Punct) return 0;
    const std::string_view v = t.tokens[i].norm;
    if (it ? one_of(v, {"sarebbe", "sarebbero", "avrebbe", "avrebbero", "sarei", "avrei"}) ||
                 (w == "promesso" && v == "di")
           : one_of(v, {"would", "'d"}) || (w == "promised" && v == "to"))
      return kept() ? 0 : 1;
  }
  return 0;
}

std::uint32_t price_complaint(const TokenizedText& t, Lang lang, std::uint32_t k,
                              std::uint32_t end) {
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  const auto currency = [&](std::string_view w) {
    return one_of(w, {"£", "$", "€", "euro", "euros", "pounds", "quid", "dollars", "sterline"});
  };
  // An amount at token `i`: "£90", "90 euro"; returns its end, or 0.
  const auto amount = [&](std::uint32_t i) -> std::uint32_t {
    if (currency(word(i)) && i + 1 < end && t.tokens[i + 1].kind == TokenKind::Number) return i + 2;
    if (i < end && t.tokens[i].kind == TokenKind::Number && currency(word(i + 1))) return i + 2;
    return 0;
  };
  // "over £90", "more than 50 pounds", "oltre 90 euro", "più di 50 euro": a high amount; not
  // what was saved or refunded ("saved over £90", "rimborsato più di 50 euro").
  std::uint32_t i = k;
  if (it ? one_of(word(i), {"oltre", "quasi"}) || (word(i) == "più" && word(i + 1) == "di")
         : one_of(word(i), {"over", "almost", "nearly"}) ||
               (word(i) == "more" && word(i + 1) == "than")) {
    i += (word(i) == "più" || word(i) == "more") ? 2 : 1;
    // Said of a bill or a payment: "my bill is over £90", "paid over 250 dollars", "bolletta di
    // oltre 90 euro"; an amount in a report is no complaint ("worth more than $1 million").
    bool billed = false;
    for (std::uint32_t j = k >= 4 ? k - 4 : 0; j < k; ++j) {
      billed = billed || (it ? one_of(t.tokens[j].norm,
                                      {"bolletta", "bollette", "fattura", "canone", "addebito",
                                       "addebitato", "addebitati", "pago", "pagato", "pagare",
                                       "pagando", "costa", "costo", "costato", "prezzo", "pagati"})
                             : one_of(t.tokens[j].norm,
                                      {"bill", "bills", "charge", "charged", "charging", "pay",
                                       "paying", "paid", "cost", "costs", "costing", "price", "fee",
                                       "fees", "invoice", "charges", "tariff"}));
    }
    if (!billed) return 0;
    if (const std::uint32_t e = amount(i)) {
      for (std::uint32_t j = k >= 3 ? k - 3 : 0; j < k; ++j) {
        if (one_of(t.tokens[j].norm,
                   {"save", "saved", "saving", "cheaper", "discount", "off", "refund", "refunded",
                    "credit", "credited", "back", "risparmiato", "risparmio", "sconto", "rimborso",
                    "rimborsato", "rimborsati", "risparmiare", "accredito"}))
          return 0;
      }
      return e - k;
    }
    return 0;
  }
  // Money spent to work around a failure: "had to spend £200 on a dongle", "had to buy a new
  // router", "ho dovuto comprare un modem", "ho dovuto spendere 50 euro". Not a plan ("I have to
  // pay by Friday" is no past outlay).
  if (it ? word(k) == "dovuto" && k > 0 && one_of(t.tokens[k - 1].norm, {"ho", "abbiamo"})
         : word(k) == "had" && word(k + 1) == "to") {
    const std::uint32_t v = k + (it ? 1 : 2);
    if (it ? one_of(word(v), {"spendere", "comprare", "acquistare", "pagare", "sborsare"})
           : one_of(word(v), {"spend", "buy", "purchase", "pay", "fork", "shell"}))
      return v + 1 - k;
  }
  // "£50 for a router?", "50 euro per un modem?": a price asked back in disbelief. The scorer
  // reads no punctuation, so a symbol's amount starts at its number.
  const bool symbol =
      k > 0 && t.tokens[k].kind == TokenKind::Number && currency(t.tokens[k - 1].norm);
  const std::uint32_t e = symbol ? k + 1 : amount(k);
  if (e == 0 || word(e) != (it ? "per" : "for")) return 0;
  for (std::uint32_t j = e + 1; j < end && j <= e + 5; ++j) {
    if (t.tokens[j].norm == "?") return j - k;
    if (t.tokens[j].kind == TokenKind::Punct) return 0;
  }
  return 0;
}

bool purpose_of_effort(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t to) {
  constexpr std::uint32_t kReach = 14;  // tokens from the purpose word to the opinion
  const bool it = lang == Lang::It;
  if (one_of(t.tokens[to].norm,
             {"thank", "thanks", "ringraziare", "ringraziarvi", "complimentarmi"}))
    return false;
  // Past or ongoing efforts to reach the company or to get something from it ("want to", "try
  // to" are wishes and challenges, not efforts: "I want to win", "try to top that").
  const auto effort = [&](std::string_view w) {
    return it ? one_of(w, {"chiamato", "telefonato", "contattato", "scritto", "chiesto", "provato",
                           "cercato", "aspettato", "aspettando", "sollecitato", "lottato",
                           "lottando", "insistito", "attesa"})
              : one_of(w, {"called", "rang", "phoned", "contacted", "emailed", "asked", "tried",
                           "waiting", "waited", "chased", "chasing", "requested", "struggled",
                           "struggling", "fighting", "fought", "battling", "battled"});
  };
  // Italian purpose words take an infinitive: "per avere", "cercato di ottenere".
  const auto infinitive = [&](std::string_view w) {
    for (const std::string_view tail :
         {"re", "rlo", "rla", "rli", "rle", "rmi", "rci", "rvi", "rne"}) {
      if (w.size() > tail.size() + 2 && w.substr(w.size() - tail.size()) == tail) return true;
    }
    return false;
  };
  const std::uint32_t low = std::max(from, to - std::min(to, kReach));
  for (std::uint32_t m = to; m > low;) {
    --m;
    const std::string_view w = t.tokens[m].norm;
    // Another statement starts between: "I called to get it sorted and they sorted it quickly".
    if (joins_statements(w, lang) || w == (it ? "poi" : "then")) return false;
    const std::string_view next = norm_within(t, m + 1, to + 1);
    // "aspettando che qualcuno mi dica", "sperando che": what is waited or hoped for.
    const bool awaited = it && w == "che" && m > from &&
                         one_of(t.tokens[m - 1].norm, {"aspettando", "aspetto", "aspettato",
                                                       "sperando", "spero", "attesa"});
    const bool purpose =
        awaited || (it ? one_of(w, {"per", "di"}) && infinitive(next) : one_of(w, {"to", "for"}));
    if (!purpose) continue;
    // "wanted to say", "called to tell you", "volevo dire": the praise that follows is said.
    const bool says = one_of(next, {"say", "tell", "let", "express", "thank", "dire", "esprimere",
                                    "ringraziare", "ringraziarvi", "segnalare"});
    for (std::uint32_t v = m; v > std::max(from, m - std::min(m, 3u));) {
      const std::string_view verb = t.tokens[--v].norm;
      if (!effort(verb)) continue;
      if (says && v + 1 == m) return false;
      // "could not have asked for more": a counterfactual, praise.
      if (v > 0 && one_of(t.tokens[v - 1].norm, {"have", "'ve"})) return false;
      // "waiting for", "asked for a refund"; "called for" is a demand, not a call.
      if (w == "for" && !one_of(verb, {"waiting", "waited", "asked", "chased", "chasing",
                                       "fighting", "fought", "battling", "battled"}))
        continue;
      return true;
    }
  }
  return false;
}

Narrative narrative_at(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  Narrative best;
  const auto consider = [&](Fact f, std::uint32_t n) {
    if (n > best.length) best = {f, n};
  };
  consider(Fact::Cost, std::max(time_cost(t, lang, k, end), effort_cost(t, lang, k, end)));
  consider(Fact::Failure, failed_process(t, lang, k, end));
  consider(Fact::Duty, unmet_duty(t, lang, k, end));
  consider(Fact::Promise, broken_promise(t, lang, k, end));
  consider(Fact::Price, price_complaint(t, lang, k, end));
  consider(Fact::Speed, quick_job(t, lang, k, end));
  return best;
}

bool competitor_comparison(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t end,
                           std::uint32_t first) {
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  const std::string_view w = word(first);
  const std::string_view before = first > from ? t.tokens[first - 1].norm : std::string_view();
  const bool comparative =
      it ? one_of(w, {"migliore", "migliori", "meglio", "più"}) || one_of(before, {"più", "meno"})
         : one_of(w, {"cheaper", "better", "faster", "quicker", "lower", "cheapest", "best",
                      "more"}) ||
               one_of(before, {"more", "less"});
  if (!comparative) return false;
  const auto base_word = [&](std::string_view x) {  // what a comparison is made against
    return it ? one_of(x, {"di", "del", "della", "dei", "degli", "delle", "rispetto", "che",
                           "dell'", "a", "al", "alla", "agli", "alle"})
              : one_of(x, {"than", "compared", "vs", "versus", "to", "with", "against", "over"});
  };
  for (std::uint32_t k = from; k < end; ++k) {
    const std::string_view x = t.tokens[k].norm;
    std::uint32_t named = 0;  // tokens of a competitor named at k
    if (it ? one_of(x, {"concorrenza", "concorrenti", "concorrente", "altrove"})
           : one_of(x, {"competitor", "competitors", "competition", "competitions", "elsewhere"})) {
      named = 1;
    } else if (it ? one_of(x, {"altro", "altri", "altra", "altre", "precedente", "vecchio",
                               "vecchia", "ex", "l'altro", "l'altra"})
                  : one_of(x, {"other", "another", "previous", "old", "former", "last"})) {
      for (std::uint32_t j = k + 1; j < end && j <= k + 2 && named == 0; ++j) {
        if (it ? one_of(word(j), {"operatore", "operatori", "gestore", "gestori", "compagnia",
                                  "compagnie", "fornitore", "fornitori", "azienda", "aziende"})
               : one_of(word(j),
                        {"provider", "providers", "supplier", "suppliers", "company", "companies",
                         "network", "networks", "operator", "operators", "isp", "isps"}))
          named = j + 1 - k;
      }
    }
    if (named == 0) continue;
    // "cheaper than other providers": the competitor is what we are compared against.
    bool base = false;
    for (std::uint32_t j = k >= 3 ? k - 3 : 0; j < k && j >= from; ++j)
      base = base || base_word(t.tokens[j].norm);
    if (!base) return true;
    k += named - 1;
  }
  return false;
}

}  // namespace ascolto

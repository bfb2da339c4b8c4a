#include "analysis/sentiment_costs.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>

namespace ascolto {

namespace {

// "only" / "just" / "solo" in the two tokens before `k`: "it only took two days", "solo 2
// chiamate": quick, no cost.
bool only_before(const TokenizedText& t, Lang lang, std::uint32_t k) {
  for (std::uint32_t j = k >= 2 ? k - 2 : 0; j < k; ++j) {
    if (one_of(t.tokens[j].norm,
               lang == Lang::It
                   ? std::initializer_list<std::string_view>{"solo", "soltanto", "appena"}
                   : std::initializer_list<std::string_view>{"only", "just"}))
      return true;
  }
  return false;
}

// A count of at least three, in digits or words: repeated effort, not a single contact.
bool many(const Token& tok, Lang lang) {
  if (tok.kind == TokenKind::Number) {
    int n = 0;
    const auto [ptr, ec] = std::from_chars(tok.norm.data(), tok.norm.data() + tok.norm.size(), n);
    return ec == std::errc{} && n >= 3;
  }
  return lang == Lang::It
             ? one_of(tok.norm, {"tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
                                 "dieci", "diverse", "varie", "molte", "tante", "innumerevoli",
                                 "mille", "cento", "venti"})
             : one_of(tok.norm, {"three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                 "several", "many", "countless", "numerous", "multiple", "dozens",
                                 "hundreds", "twenty", "fifteen", "twelve"});
}

}  // namespace

std::uint32_t effort_cost(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  if (only_before(t, lang, k)) return 0;
  // "hours on the phone", "3 hours on hold", "ore al telefono", "due ore in attesa".
  std::uint32_t h = k + (t.tokens[k].kind == TokenKind::Number || many(t.tokens[k], lang));
  if (word(h) == (it ? "ore" : "hours")) {
    // "hours spent on the phone", "ore passate al telefono"
    if (it ? one_of(word(h + 1), {"passate", "perse", "trascorse"})
           : one_of(word(h + 1), {"spent", "wasted"}))
      ++h;
    if (it ? (word(h + 1) == "al" && word(h + 2) == "telefono") ||
                 (word(h + 1) == "in" && one_of(word(h + 2), {"attesa", "linea"}))
           : word(h + 1) == "on" && word(h + 2) == "hold")
      return h + 3 - k;
    if (!it && word(h + 1) == "on" && word(h + 2) == "the" && word(h + 3) == "phone")
      return h + 4 - k;
  }
  // "had to go through all my details again", "ho dovuto rifare tutto di nuovo": a step repeated.
  if (it ? word(k) == "dovuto" && k > 0 && one_of(t.tokens[k - 1].norm, {"ho", "abbiamo"})
         : one_of(word(k), {"had", "having"}) && word(k + 1) == "to") {
    for (std::uint32_t j = k + 2; j < end && j <= k + 10; ++j) {
      if (t.tokens[j].kind == TokenKind::Punct) break;
      if (it ? one_of(word(j), {"nuovamente", "rifare", "ripetere"}) ||
                   (word(j) == "di" && word(j + 1) == "nuovo")
             : one_of(word(j), {"again", "twice", "repeat", "redo"}))
        return it ? 1 : 2;
    }
  }
  // "5 calls", "several phone calls", "3 chiamate", "diverse telefonate".
  if (many(t.tokens[k], lang)) {
    std::uint32_t i = k + 1;
    if (!it && word(i) == "phone") ++i;
    const std::string_view unit = word(i);
    const bool contacts = it ? one_of(unit, {"chiamate", "telefonate", "solleciti", "reclami"})
                             : one_of(unit, {"calls", "chasers", "complaints"});
    return contacts ? i + 1 - k : 0;
  }
  // "called 5 times", "rang them several times", "chiamato 5 volte", "ho sollecitato tre volte";
  // after "had to" the plain verb: "had to call customer care 5 times", "ho dovuto chiamare".
  const bool had_to =
      k > 1 && (it ? t.tokens[k - 1].norm == "dovuto"
                   : t.tokens[k - 1].norm == "to" &&
                         one_of(t.tokens[k - 2].norm, {"had", "having", "have", "has"}));
  if (!(it ? one_of(word(k), {"chiamato", "telefonato", "contattato", "sollecitato", "scritto",
                              "chiamata", "contattata"}) ||
                 (had_to && one_of(word(k), {"chiamare", "telefonare", "contattare", "sollecitare",
                                             "scrivere", "richiamare"}))
           : one_of(word(k), {"called", "rang", "phoned", "contacted", "chased", "emailed", "rung",
                              "complained"}) ||
                 (had_to && one_of(word(k), {"call", "ring", "phone", "contact", "chase", "email",
                                             "complain"}))))
    return 0;
  std::uint32_t i = k + 1;
  // What was called, a few words: "called customer care 5 times", "chiamato il servizio clienti".
  while (i < k + 5 && i < end && t.tokens[i].kind == TokenKind::Word && !many(t.tokens[i], lang))
    ++i;
  if (i >= end || !many(t.tokens[i], lang)) return 0;
  return word(i + 1) == (it ? "volte" : "times") ? i + 2 - k : 0;
}

bool few_of_many(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t to) {
  constexpr std::uint32_t kReach = 15;  // tokens searched before the opinion
  const bool it = lang == Lang::It;
  const auto count = [&](std::uint32_t i) {
    return i < to &&
           (t.tokens[i].kind == TokenKind::Number ||
            one_of(t.tokens[i].norm,
                   it ? std::initializer_list<std::string_view>{"uno", "una", "un", "due", "tre"}
                      : std::initializer_list<std::string_view>{"one", "two", "three"}));
  };
  for (std::uint32_t k = std::max(from, to - std::min(to, kReach)); k + 3 < to; ++k) {
    if (!one_of(t.tokens[k].norm,
                it ? std::initializer_list<std::string_view>{"solo", "soltanto", "appena"}
                   : std::initializer_list<std::string_view>{"only", "just"}))
      continue;
    std::uint32_t i = k + 1;
    if (!count(i)) continue;
    ++i;
    if (!it && i < to && t.tokens[i].norm == "person") ++i;
    if (!it && i < to && t.tokens[i].norm == "out") ++i;
    if (i >= to ||
        !one_of(t.tokens[i].norm,
                it ? std::initializer_list<std::string_view>{"su", "di", "dei", "delle", "degli"}
                   : std::initializer_list<std::string_view>{"of"}))
      continue;
    ++i;
    if (i < to && one_of(t.tokens[i].norm, {"about", "around", "circa", "the", "my", "i"})) ++i;
    if (count(i)) return true;
  }
  return false;
}

std::uint32_t quick_job(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  std::uint32_t i = k + 1;
  const std::string_view w = word(k);
  // "only took 20 minutes", "took just an hour", "ci hanno messo solo un'ora".
  const bool took =
      it ? one_of(w, {"messo", "impiegato"}) : one_of(w, {"took", "taken", "takes", "taking"});
  // "done within 2 hours", "connected in under a day", "risolto in un'ora".
  const bool done =
      it ? one_of(w, {"fatto",      "fatta",      "fatti",       "risolto",    "risolta",
                      "installato", "installata", "attivato",    "attivata",   "attivati",
                      "collegato",  "collegata",  "sistemato",   "sistemata",  "completato",
                      "completata", "consegnato", "consegnata",  "arrivato",   "arrivata",
                      "riparato",   "riparata",   "funzionante", "richiamato", "richiamata",
                      "risposto",   "terminato",  "terminata",   "concluso",   "conclusa"})
         : one_of(w, {"done",      "sorted",   "fixed",    "installed",  "connected",
                      "completed", "resolved", "finished", "delivered",  "activated",
                      "live",      "arrived",  "repaired", "replaced",   "answered",
                      "responded", "replied",  "running",  "working",    "online",
                      "up",        "back",     "there",    "dispatched", "refunded"});
  if (!took && !done) return 0;
  if (done) {
    if (!(it ? one_of(word(i), {"in", "entro"})
             : one_of(word(i), {"in", "within", "inside", "under"})))
      return 0;
    ++i;
  }
  bool short_said = !done && only_before(t, lang, k);  // "only took": said to be short
  const auto filler = [&](std::string_view x) {
    return it ? one_of(x, {"solo", "soltanto", "appena", "meno", "di", "circa", "ci", "mi"})
              : one_of(x, {"only", "just", "less", "than", "under", "about", "around", "me", "us",
                           "them"});
  };
  while (i < end && i < k + 5 && filler(word(i))) {
    short_said = short_said || one_of(word(i), {"only", "just", "under", "less", "solo", "soltanto",
                                                "appena", "meno"});
    ++i;
  }
  if (took && !short_said) return 0;  // "took 2 hours" may be long or short
  // How many: a number, one or two, an article or "the" ("within the hour"), a few.
  int count = 0;
  if (i < end && t.tokens[i].kind == TokenKind::Number) {
    const std::string_view n = t.tokens[i].norm;
    std::from_chars(n.data(), n.data() + n.size(), count);
    ++i;
  } else if (it ? one_of(word(i), {"un", "una", "un'", "due", "mezz'", "pochi", "poche"})
                : one_of(word(i), {"a", "an", "one", "two", "the", "half", "few"})) {
    count = one_of(word(i), {"two", "due"}) ? 2 : 1;
    ++i;
  }
  // "half an hour", "a few minutes", "a couple of hours".
  while (i < k + 9 && (it ? false : one_of(word(i), {"a", "an", "few", "couple", "of"}))) {
    if (word(i) == "couple") count = 2;
    ++i;
  }
  const std::string_view unit = word(i);
  const bool hours = it ? one_of(unit, {"minuti", "minuto", "ore", "ora", "mezz'ora"})
                        : one_of(unit, {"minutes", "mins", "minute", "hours", "hour", "hrs", "hr"});
  // One day or two at most: "connected within a day", "installato in due giorni".
  const bool day = count > 0 && count <= 2 &&
                   (it ? one_of(unit, {"giorno", "giorni"}) : one_of(unit, {"day", "days"}));
  // "within minutes", "in pochi minuti": a short time with no number; "in hours" is not one.
  const bool counted = count > 0 || one_of(unit, {"minutes", "minuti", "mezz'ora"});
  if (!(hours || day) || !counted) return 0;
  return i + 1 - k;
}

std::uint32_t time_cost(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  const bool it = lang == Lang::It;
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  // "two months later", "tre settimane dopo": what came that late.
  if ((t.tokens[k].kind == TokenKind::Number || many(t.tokens[k], lang) ||
       one_of(word(k), {"two", "due"})) &&
      (it ? one_of(word(k + 1), {"settimane", "mesi"})
          : one_of(word(k + 1), {"weeks", "months"})) &&
      word(k + 2) == (it ? "dopo" : "later"))
    return 3;
  // "having to wait 6 weeks", "had to wait 3 weeks": over the entry "having to wait".
  if (!it && one_of(word(k), {"had", "having", "have", "has"}) && word(k + 1) == "to" &&
      word(k + 2) == "wait") {
    const std::uint32_t n = time_cost(t, lang, k + 2, end);
    return n > 0 ? n + 2 : 0;
  }
  if (!(it ? one_of(word(k), {"messo", "impiegato", "aspettato", "atteso", "aspettando",
                              "aspettare", "attendere", "provando", "cercando"})
           : one_of(word(k), {"took", "taken", "taking", "takes", "waited", "waiting", "wait",
                              "spent", "trying"})))
    return 0;
  if (only_before(t, lang, k)) return 0;
  const auto back = [&](std::uint32_t n) {
    return k >= n ? t.tokens[k - n].norm : std::string_view();
  };
  // A guess, not a cost: "must have taken years", "may have taken".
  if (back(1) == "have" && one_of(back(2), {"must", "may", "might", "could", "would", "should"}))
    return 0;
  // "had to wait 6 weeks", "having to wait"; not "will have to wait".
  if (word(k) == "wait" && !(back(1) == "to" && one_of(back(2), {"had", "having", "have", "has"}) &&
                             !one_of(back(3), {"would", "will", "'ll", "may", "might"})))
    return 0;
  std::uint32_t i = k + 1;
  bool beyond = false;  // "over a week", "più di un mese": beyond the amount
  const auto filler = [&](std::string_view w) {
    return it ? one_of(w, {"ci", "mi", "quasi", "oltre", "più", "di", "ben", "circa", "da", "per"})
              : one_of(w, {"me", "us", "them", "over", "almost", "nearly", "more", "than", "about",
                           "+", "for"});
  };
  while (i < end && i < k + 4 && filler(word(i))) {
    beyond =
        beyond || one_of(word(i), {"over", "more", "almost", "nearly", "oltre", "più", "quasi"});
    ++i;
  }
  if (i >= end) return 0;
  const std::string_view n = word(i);
  const bool quantity =
      t.tokens[i].kind == TokenKind::Number ||
      (it ? one_of(n, {"due", "tre", "quattro", "cinque", "sei", "sette", "otto", "dieci",
                       "diverse", "diversi", "varie", "vari", "molte", "molti", "tante", "tanti"})
          : one_of(n, {"two", "three", "four", "five", "six", "seven", "eight", "ten", "several",
                       "many"}));
  const bool article = it ? one_of(n, {"un", "una", "un'"}) : one_of(n, {"a", "an"});
  if (quantity || article) ++i;
  if (word(i) == "+") ++i;
  const std::string_view unit = word(i);
  // Years measure a history, not a wait ("it took eight years, but ...").
  const bool plural = it ? one_of(unit, {"ore", "giorni", "settimane", "mesi"})
                         : one_of(unit, {"hours", "days", "weeks", "months"});
  // One long unit: "took a month", "over a week", "ci hanno messo un mese".
  // Beyond an hour is long for a task: "took more than an hour", "più di un'ora".
  const bool long_unit = it ? unit == "mese" || (beyond && (unit == "settimana" || unit == "ora"))
                            : unit == "month" || (beyond && (unit == "week" || unit == "hour"));
  // "took weeks", "spent hours", "aspettato mesi": a plural with no number is many; "weeks ago"
  // dates the wait, it does not measure it.
  const bool costly = quantity ? plural || long_unit : article ? long_unit : plural;
  if (!costly || one_of(word(i + 1), {"ago", "fa"})) return 0;
  return i + 1 - k;
}

}  // namespace ascolto

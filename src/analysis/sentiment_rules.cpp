#include "analysis/sentiment_rules.h"

#include <algorithm>
#include <array>

#include "text/normalizer.h"

namespace ascolto {
namespace {

constexpr std::uint32_t kIntensityReach = 3;  // tokens after a booster it can still intensify
constexpr double kAbsenceMinStrength = 0.8;   // "few", "rarely" state no lack of their own
// Caps that keep the time linear in the comment's length (README): what lies beyond them is not
// read.
constexpr std::uint32_t kTimeSpanReach = 12;     // "non ... così bene [da anni]": tokens searched
constexpr std::uint32_t kExclamativeReach = 24;  // a lack's negator to an exclamative opinion

// A past participle, the mark of an experience: "been", "seen", "treated"; "stato", "visto",
// "mangiato". Only tested in a negated clause, before a degree word.
bool past_participle(std::string_view w, Lang lang) {
  const auto ends = [&](std::string_view tail) {
    return w.size() > tail.size() + 1 && w.substr(w.size() - tail.size()) == tail;
  };
  if (lang == Lang::En) {
    for (const std::string_view irregular :
         {"been",   "had",  "seen",  "met",   "eaten", "given", "taken",
          "gotten", "got",  "done",  "felt",  "found", "made",  "heard",
          "paid",   "told", "spent", "known", "dealt", "used",  "bought"}) {
      if (w == irregular) return true;
    }
    return w.size() >= 5 && ends("ed");  // "treated", "served"; not "need" or "bed"
  }
  for (const std::string_view tail :
       {"ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ite"}) {
    if (ends(tail)) return true;
  }
  return w == "visto" || w == "vista" || w == "visti" || w == "viste" || w == "fatto" ||
         w == "preso" || w == "messo" || w == "letto";
}

// A degree word that can start an exclamative comparison.
bool degree_word(std::string_view w, Lang lang) {
  if (lang == Lang::It) {
    return w == "così" || w == "talmente" || w == "tanto" || w == "tanta" || w == "tale";
  }
  return w == "so" || w == "such";
}

// "in years", "in ages", "in a (long) while", "in a long time"; "da anni", "da tempo", "da una
// vita": a span of time starting at token `k`.
bool time_span_at(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  if (word(k) != (lang == Lang::It ? "da" : "in")) return false;
  std::uint32_t i = k + 1;
  if (word(i) == (lang == Lang::It ? "una" : "a")) ++i;
  const bool long_span = lang == Lang::En && word(i) == "long";
  if (long_span) ++i;
  const std::string_view span = word(i);
  if (lang == Lang::It) {
    return span == "anni" || span == "tempo" || span == "mesi" || span == "secoli" ||
           span == "vita" || span == "settimane" || span == "decenni";
  }
  return span == "years" || span == "ages" || span == "while" || (long_span && span == "time") ||
         span == "forever" || span == "decades" || span == "months" || span == "weeks" ||
         span == "lifetime";
}

}  // namespace

// "Never ... before", "mai ... prima": a first experience, not a lack ("never been here before").
// "Not ... yet" with a verb of trying, "non ... ancora" + "provato": too early to say, not a lack
// ("haven't tried it yet", "non ho ancora provato il prodotto"); "not connected yet" stays one.
// Likewise a bill not had yet: it comes in its time ("haven't had a bill yet", "non ho ancora
// ricevuto la bolletta"); "haven't received my router yet" stays a lack.
bool negation_took_verb(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t to) {
  const bool it = lang == Lang::It;
  if (to <= from || to - from > 2) return false;
  std::uint32_t p = from;
  if (to - from == 2) {  // a degree word between: "not connected very unhappy"
    const std::string_view d = t.tokens[to - 1].norm;
    if (!(it ? d == "molto" || d == "davvero" || d == "proprio" || d == "veramente" ||
                   d == "assolutamente" || d == "tanto"
             : d == "very" || d == "so" || d == "really" || d == "extremely" || d == "totally" ||
                   d == "absolutely" || d == "completely" || d == "most"))
      return false;
  }
  const std::string_view w = t.tokens[p].norm;
  if (t.tokens[p].kind != TokenKind::Word || w.size() < 5) return false;
  const auto ends = [&](std::string_view tail) {
    return w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail;
  };
  if (it) {
    bool participle = false;
    for (const std::string_view tail :
         {"ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute"})
      participle = participle || ends(tail);
    // Copulas and verbs of experience take the opinion: "non è stato deludente", "mai avuto
    // problemi", "non ho trovato difetti".
    return participle &&
           !(w == "stato" || w == "stata" || w == "stati" || w == "state" || w == "sembrato" ||
             w == "sembrata" || w == "diventato" || w == "diventata" || w == "trovato" ||
             w == "trovata" || w == "riscontrato" || w == "notato" || w == "incontrato" ||
             w == "avuto" || w == "ricevuto" || w == "subito" || w == "considerato" ||
             w == "ritenuto" || w == "giudicato");
  }
  return ends("ed") &&
         !(w == "seemed" || w == "looked" || w == "sounded" || w == "appeared" || w == "remained" ||
           w == "stayed" || w == "proved" || w == "turned" || w == "experienced" ||
           w == "encountered" || w == "faced" || w == "noticed" || w == "received" ||
           w == "suffered" || w == "witnessed" || w == "observed" || w == "considered" ||
           w == "deemed" || w == "called" || w == "treated" || w == "handled" || w == "reported" ||
           w == "caused" || w == "needed" || w == "wanted" || w == "expected" || w == "used" ||
           w == "named" || w == "labelled" || w == "labeled");
}

bool yet_closes_negation(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  if (lang != Lang::En || t.tokens[k].norm != "yet") return false;
  const std::string_view next = k + 1 < end ? t.tokens[k + 1].norm : std::string_view();
  if (!(next.empty() || t.tokens[k + 1].kind == TokenKind::Punct || next == "so" || next == "and" ||
        next == "but" || next == "because" || next == "as"))
    return false;
  for (std::uint32_t j = k; j > 0 && j + 4 > k;) {
    const Token& before = t.tokens[--j];
    if (before.kind == TokenKind::Punct) return false;
    if (before.norm == "not" || before.norm == "never" || before.norm == "no") return true;
  }
  return false;
}

bool determiner(std::string_view w, Lang lang) {
  return lang == Lang::It
             ? one_of(w, {"il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "un'",
                          "mio", "mia", "miei", "mie", "nostro", "nostra", "nostri", "nostre"})
             : one_of(w, {"the", "a", "an", "my", "our", "your", "their", "his", "her", "its"});
}

bool opens_exception(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t end) {
  const std::string_view w = norm_within(t, from, end);
  const std::string_view next = norm_within(t, from + 1, end);
  if (lang == Lang::It) {
    return w == "tranne" || w == "eccetto" || w == "salvo" || (w == "a" && next == "parte") ||
           ((w == "ad" || w == "a" || w == "fatta") && next == "eccezione");
  }
  return w == "except" || w == "excepting" || (w == "save" && next == "for") ||
         ((w == "apart" || w == "aside") && next == "from") || (w == "other" && next == "than") ||
         (w == "with" && next == "the" && norm_within(t, from + 2, end) == "exception");
}

bool first_experience(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t end,
                      bool negated) {
  const bool it = lang == Lang::It;
  bool yet = false, tried = false, rating = false, know = false;
  for (std::uint32_t k = from; k < end; ++k) {
    const std::string_view w = t.tokens[k].norm;
    if (negated && w == (it ? "prima" : "before")) return true;
    // A rating withheld until something happens: "can't give a 10 until it is installed", "non
    // posso dare 10 finché non ...". Too early to say, not a lack.
    rating = rating || (it ? (w == "dare" || w == "darò" || w == "valutare")
                           : (w == "give" || w == "rate" || w == "score"));
    if (rating && (it ? (w == "finché" || w == "finchè" || w == "fino")
                      : (w == "until" || w == "till" || w == "til")))
      return true;
    // A verdict withheld: "can't comment", "non posso giudicare".
    if (it ? (w == "giudicare" || w == "commentare" || w == "esprimermi")
           : (w == "comment" || w == "judge"))
      return true;
    // Not known yet how it will be: "I do not know how the product will perform", "non so
    // ancora come andrà".
    know = know || (it ? (w == "so" || w == "sappiamo") : (w == "know" || w == "sure"));
    if (know && (it ? (w == "ancora" || w == "andrà" || w == "funzionerà" || w == "sarà")
                    : (w == "will" || w == "yet")))
      return true;
    yet = yet || w == (it ? "ancora" : "yet");
    tried =
        tried ||
        (it ? (w == "provato" || w == "provata" || w == "usato" || w == "usata" ||
               w == "utilizzato" || w == "utilizzata" || w == "testato" || w == "sperimentato")
            : (w == "tried" || w == "used" || w == "tested" || w == "experienced" || w == "bill" ||
               w == "invoice" || w == "statement" || w == "billed" || w == "charged"));
    tried = tried || (it && (w == "bolletta" || w == "fattura" || w == "bollette" ||
                             w == "addebitato" || w == "fatturato"));
  }
  return yet && tried;
}

namespace {}  // namespace

std::string span_text(const TokenizedText& t, std::uint32_t first, std::uint32_t end) {
  std::string s;
  for (std::uint32_t i = first; i < end; ++i) {
    if (i > first) s += ' ';
    s += t.tokens[i].norm;
  }
  return s;
}

// Italian superlatives: "lentissimo" -> "lento", "velocissima" -> "veloce".
const SentimentEntry* superlative_base(const LanguageLexicon& lang, const std::string& w) {
  static constexpr std::string_view endings[] = {"issimo", "issima", "issimi", "issime"};
  for (const std::string_view e : endings) {
    if (w.size() <= e.size() + 2 || w.compare(w.size() - e.size(), e.size(), e) != 0) continue;
    const std::string stem = w.substr(0, w.size() - e.size());
    for (const char* tail : {"o", "e", "a", "i"}) {
      if (const SentimentEntry* s = lang.sentiment.word(stem + tail)) return s;
    }
    // "bianchissimo" <- "bianco", "larghissimo" <- "largo"
    if (stem.size() > 2 && stem.back() == 'h') {
      if (const SentimentEntry* s = lang.sentiment.word(stem.substr(0, stem.size() - 1) + "o"))
        return s;
    }
  }
  return nullptr;
}

// Every run of one repeated character shortened to that character.
std::string squeeze_runs(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

// True when "and" / "e" lies between a negator and a later entry, after at least one word: the
// negation took what came first and the conjunction starts another statement ("not pretentious
// and very cheap", "senza preavviso e personale gentile"). Right after the negator it is more
// likely a typed "è" ("non e buono") and does not close.
//
// A word that states a consequence closes it too: the negation stays in its own statement ("the
// order was not placed so again a delay", "non è arrivato quindi ritardo"). English "so" is a
// consequence only before what opens a statement ("so I", "so again"); before an adjective it is
// a degree word and the negation goes on ("not so good").
bool closed_by_conjunction(const TokenizedText& t, Lang lang, std::uint32_t from,
                           std::uint32_t to) {
  static constexpr std::array<std::string_view, 17> kStatementOpeners = {
      "i",   "we",   "you", "they", "he", "she", "it",   "there", "again",
      "now", "then", "the", "a",    "my", "our", "that", "this"};
  for (std::uint32_t k = from + 1; k < to; ++k) {
    const std::string_view w = t.tokens[k].norm;
    if (joins_statements(w, lang)) return true;
    if (lang == Lang::It) {
      if (w == "quindi" || w == "perciò" || w == "pertanto" || w == "dunque") return true;
    } else if (w == "therefore" || w == "hence" || w == "thus") {
      return true;
    } else if (w == "so" && k + 1 < to &&
               std::find(kStatementOpeners.begin(), kStatementOpeners.end(),
                         t.tokens[k + 1].norm) != kStatementOpeners.end()) {
      return true;
    }
  }
  return false;
}

// A negated opinion that is really an exclamative comparison, which says the opinion strongly,
// not its opposite. The negator is in [from, opinion_first); the clause ends at clause_end.
//  - "Never ... so / such" after a past participle compares with every past experience: "never
//    been treated so rudely", "mai mangiato così bene". Without the experience it stays a
//    negation: "it is never so crowded", "non è mai così affollato".
//  - "This" right before the opinion, after a participle, compares with now: "haven't been this
//    happy", "hasn't felt this bad"; "not so good" stays a negation.
//  - A degree word and a span of time after the opinion: "not eaten so well in years", "non
//    mangiavo così bene da anni".
bool exclamative_comparison(const TokenizedText& t, Lang lang, std::uint32_t from,
                            std::uint32_t opinion_first, std::uint32_t opinion_end,
                            std::uint32_t clause_end) {
  const bool it = lang == Lang::It;
  bool never = false, experienced = false, degree = false;
  for (std::uint32_t k = from; k < opinion_first; ++k) {
    const std::string_view w = t.tokens[k].norm;
    if (it ? w == "mai" : w == "never") {
      never = true;
    } else if (past_participle(w, lang)) {
      experienced = true;
    } else if (degree_word(w, lang)) {
      if (never && experienced) return true;
      degree = true;
    } else if (!it && w == "this" && experienced && k + 1 == opinion_first) {
      return true;
    }
  }
  if (!degree) return false;
  const std::uint32_t reach = std::min(clause_end, opinion_end + kTimeSpanReach);
  for (std::uint32_t k = opinion_end; k < reach; ++k) {
    if (time_span_at(t, lang, k, clause_end)) return true;
  }
  return false;
}

// A strong negator of clause `c`, before any closing tag, that took no opinion word and so states
// a lack or a failure: "no hot water", "never arrived", "non mi hanno risposto". Not a first
// experience, nor an exclamative comparison whose opinion lies beyond the negator's reach ("mai
// visto un cibo così buono"). Null when there is none.
const SentimentModifier* lacking_negator(const TokenizedText& t, Lang lang, const Clause& c,
                                         std::span<const SentimentModifier> mods,
                                         std::span<const SentimentItem> items,
                                         std::uint32_t tag_from) {
  const auto negator =
      std::find_if(starting_at(mods, c.first_token), mods.end(), [&](const SentimentModifier& m) {
        return m.first >= c.end_token ||
               (m.end <= c.end_token && m.first < tag_from &&
                m.entry->kind == ModifierKind::Negator && m.entry->weight >= kAbsenceMinStrength);
      });
  if (negator == mods.end() || negator->first >= c.end_token ||
      // "yet" may open the next clause, as a contrast word: "I haven't had a bill | yet".
      first_experience(t, lang, negator->end,
                       std::min(c.end_token + 1, static_cast<std::uint32_t>(t.tokens.size())),
                       true))
    return nullptr;
  const std::uint32_t reach = std::min(c.end_token, negator->end + kExclamativeReach);
  for (auto item = starting_at(items, negator->end); item != items.end() && item->first < reach;
       ++item) {
    if (exclamative_comparison(t, lang, negator->first, item->first, item->end, c.end_token))
      return nullptr;
  }
  return &*negator;
}

// How many tokens from `k` make the English suffix "free" or "-free" ("guilt free", "pain-free"),
// or 0. Italian says it with a negator before ("senza stress").
std::uint32_t free_suffix(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  if (lang != Lang::En) return 0;
  const std::uint32_t hyphen = norm_within(t, k, end) == "-";
  return norm_within(t, k + hyphen, end) == "free" ? hyphen + 1 : 0;
}

// True when `first`, an entry's first token, is a negator itself ("nessun" in "nessun problema").
bool opens_with_negator(const LanguageLexicon& lang, const Token& first) {
  const ModifierEntry* m = lang.modifiers.word(first.norm);
  return m != nullptr && m->kind == ModifierKind::Negator;
}

bool counterfactual(const TokenizedText& t, Lang lang, std::uint32_t first, std::uint32_t end) {
  if (end - first < 2) return false;
  for (std::uint32_t k = first; k < end; ++k) {
    const std::string_view w = t.tokens[k].norm;
    if (lang == Lang::En ? (w == "have" || w == "'ve" || w == "of") : past_participle(w, lang))
      return true;
  }
  return false;
}

// A weight as the explanation prints it ("1.50").
std::string factor_text(double v) {
  return std::to_string(v).substr(0, 4);
}

bool intensity(ModifierKind k) {
  return k == ModifierKind::Booster || k == ModifierKind::Dampener || k == ModifierKind::Excess;
}

// A booster or dampener also listed as an opinion word ("damn", "crazy") is that opinion word when
// no opinion word follows it within its reach in the clause: "Damn this is sticky", "So crazy."
bool intensifies_nothing(const TokenizedText& text, const LanguageLexicon& lang,
                         const ModifierEntry& m, std::uint32_t end, std::uint32_t sentence_end) {
  if (!intensity(m.kind)) return false;
  for (std::uint32_t j = end; j < sentence_end && j < end + kIntensityReach; ++j) {
    const Token& t = text.tokens[j];
    if (is_clause_boundary(t)) return true;
    if (t.kind == TokenKind::Emoji || t.kind == TokenKind::Emoticon) return false;
    if (lang.sentiment.longest(text.tokens, j, sentence_end)) return false;
  }
  return true;
}

}  // namespace ascolto

// The shipped sentiment vocabulary, family by family: minimal pairs in which one sentence needs
// a lexicon entry (a review phrase, a service idiom, a homograph kept neutral, a sarcastic set
// phrase) and its partner shows the opposite reading, so a wrong or missing entry shows up here.
// Rules are tested apart, on the mini lexicon, in test_sentiment.cpp.
#include <doctest/doctest.h>

#include <string>

#include "analysis/analyzer.h"
#include "helpers.h"

using namespace ascolto;

namespace {

// The comment as users get it: the whole pipeline on the shipped lexicons, language forced.
Analysis shipped(const std::string& text, Lang lang) {
  static Analyzer it(testing::shipped(), Lang::It);
  static Analyzer en(testing::shipped(), Lang::En);
  return (lang == Lang::It ? it : en).analyze(text);
}

struct Case {
  const char* text;
  SentimentLabel label;
};

void check_all(Lang lang, std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(label_name(shipped(c.text, lang).label) == std::string(label_name(c.label)));
  }
}

constexpr SentimentLabel Pos = SentimentLabel::Positive;
constexpr SentimentLabel Neg = SentimentLabel::Negative;
constexpr SentimentLabel Neu = SentimentLabel::Neutral;

}  // namespace

TEST_CASE("Italian reviews: praise without opinion adjectives, and its negation") {
  check_all(Lang::It, {
                          {"il prodotto fa quanto promesso", Pos},
                          {"il prodotto non fa quanto promesso", Neg},
                          {"rispetta le aspettative", Pos},
                          {"costa la metà che in negozio", Pos},
                          {"costa poco e funziona", Pos},
                          {"costa il doppio che in negozio", Neg},
                          {"è economico ma fa il suo", Pos},
                          {"fa il suo sporco lavoro", Pos},
                          {"vale tutti i soldi", Pos},
                      });
}

TEST_CASE("Italian reviews: durability, finish and wear") {
  check_all(Lang::It, {
                          {"è durato pochissimo", Neg},
                          {"dura nel tempo", Pos},
                          {"ben rifinito", Pos},
                          {"mal rifinito", Neg},
                          {"si graffia facilmente", Neg},
                          {"si monta facilmente", Pos},
                          {"sembra un giocattolo", Neg},
                          {"perde colpi", Neg},
                          {"va a scatti", Neg},
                          {"fa acqua da tutte le parti", Neg},
                      });
}

TEST_CASE("Italian descriptions stay neutral") {
  check_all(Lang::It, {
                          {"funziona con la corrente a 220 volt", Neu},
                          {"funziona bene", Pos},
                          {"il cantante fa il suo ingresso alle nove", Neu},
                          {"il presidente del consiglio parla alle dieci", Neu},
                          {"il consiglio comunale si riunisce lunedì", Neu},
                          {"lo consiglio a tutti", Pos},
                          {"comprato su consiglio di un amico", Neu},
                          {"vorrei capire meglio la bolletta", Neu},
                          {"funziona a batteria", Neu},
                          {"voto di fiducia alla camera", Neu},
                          {"ho fiducia in questo negozio", Pos},
                          {"né bello né brutto", Neu},
                          {"senza infamia e senza lode", Neu},
                          {"mia cara, ci vediamo domani", Neu},
                          {"la bolletta è cara", Neg},
                      });
}

TEST_CASE("the audience a product is for is no praise") {
  // The brief's case: refusing to recommend it to people who want strong coffee is a complaint.
  CHECK(shipped("Non lo consiglio per chi cerca caffè robusti", Lang::It).score < -0.3);
  CHECK(shipped("Lo consiglio per chi cerca un caffè robusto", Lang::It).label == Pos);
  CHECK(shipped("I would not recommend it for anyone looking for strong coffee", Lang::En).score <
        -0.3);
  CHECK(shipped("I recommend it for anyone looking for a reliable phone", Lang::En).label == Pos);
}

TEST_CASE("Italian colloquial judgements") {
  check_all(Lang::It, {
                          {"sono tutte bugie", Neg},
                          {"un film inguardabile", Neg},
                          {"prezzi insostenibili", Neg},
                          {"che disgrazia", Neg},
                          {"personaggio meschino", Neg},
                          {"sei un genio", Pos},
                          {"concordo pienamente", Pos},
                          {"non concordo", Neg},
                          {"tanti auguri a tutti", Pos},
                          {"vaffanculo", Neg},
                          {"il miglior negozio della zona", Pos},
                          {"il peggior negozio della zona", Neg},
                          {"una connessione debole", Neg},
                          {"ho un debole per questo caffè", Pos},
                          {"eravamo d'accordo che mi avrebbero richiamato", Neu},
                          {"audio nitido", Pos},
                          {"personale disattento", Neg},
                          {"un tecnico fidato", Pos},
                          {"ma stiamo scherzando", Neg},
                          {"siamo alla frutta", Neg},
                          {"istruzioni illeggibili", Neg},
                      });
}

TEST_CASE("English service comments") {
  check_all(Lang::En, {
                          {"I was palmed off by the call centre", Neg},
                          {"jumped through hoops to get a refund", Neg},
                          {"like talking to a brick wall", Neg},
                          {"the broadband is pants", Neg},
                          {"I bought new pants", Neu},
                          {"setting it up was a doddle", Pos},
                          {"sorted in no time", Pos},
                          {"mediocre at best", Neg},
                          {"the best", Pos},
                          {"the wifi keeps dropping", Neg},
                          {"the router is on the fritz", Neg},
                          {"a bodge job", Neg},
                          {"a no frills plan", Neu},
                          {"cheap as chips", Pos},
                          {"I bought it as a gift for my son", Neu},
                          {"I asked for a better deal", Neu},
                          {"I got a better deal elsewhere", Neg},
                          {"they put the price up again", Neg},
                          {"I have faith in them", Pos},
                          {"my call was cut off twice", Neg},
                      });
  CHECK(shipped("not worth the money", Lang::En).score < -0.4);
  CHECK(shipped("I lost faith in them", Lang::En).score < -0.3);
  CHECK(shipped("works like a charm", Lang::En).score > 0.5);
}

TEST_CASE("sarcasm in set phrases") {
  check_all(Lang::It, {
                          {"bella fregatura", Neg},
                          {"bella sorpresa", Pos},
                          {"grazie di niente", Neg},
                          {"grazie di tutto", Pos},
                          {"bel pasticcio", Neg},
                      });
  check_all(Lang::En, {
                          {"the privilege of paying £5 more", Neg},
                          {"it was a privilege to work with them", Pos},
                          {"cheers for nothing", Neg},
                          {"cheers for the help", Pos},
                      });
}

TEST_CASE("money, long waits and what is still due, said without an opinion word") {
  check_all(Lang::En, {
                          {"the price is on the high side", Neg},
                          {"the price is on the table", Neu},
                          {"I was over charged last month", Neg},
                          {"I was charged last month", Neu},
                          {"it took weeks and weeks for the installation", Neg},
                          {"I am yet to receive the refund", Neg},
                          {"I am going to receive the refund", Neu},
                          {"ordering was straight forward", Pos},
                          {"ordering was straight ahead", Neu},
                          {"it took a long time to get us connected", Neg},
                          {"it took a day to get us connected", Neu},
                      });
  check_all(Lang::It, {
                          {"mi hanno addebitato in più il canone", Neg},
                          {"mi hanno addebitato il canone", Neu},
                          {"ho pagato due volte la bolletta", Neg},
                          {"ho pagato la bolletta", Neu},
                          {"settimane e settimane per l'attivazione", Neg},
                          {"devo ancora ricevere il rimborso", Neg},
                          {"devo ricevere il rimborso", Neu},
                          {"ci hanno messo tanto per attivare la linea", Neg},
                          {"ci hanno messo un giorno per attivare la linea", Neu},
                      });
}

TEST_CASE(
    "Italian counterfactuals in the first and second person: a better deal that did not happen") {
  check_all(Lang::It, {
                          {"avrei potuto avere un prezzo migliore", Neg},
                          {"ho avuto un prezzo migliore", Pos},
                          {"avremmo dovuto scegliere un servizio migliore", Neg},
                          {"abbiamo scelto un servizio migliore", Pos},
                      });
}

TEST_CASE("English product reviews: facts of praise and complaint, descriptions") {
  check_all(Lang::En, {
                          {"matches the description", Pos},
                          {"matches the other one", Neu},
                          {"the courier threw the parcel over the gate", Neg},
                          {"the courier left the parcel by the gate", Neu},
                          {"the seller disappeared after payment", Neg},
                          {"in case of problems call the helpline", Neu},
                          {"I had problems, so I called the helpline", Neg},
                          {"comes in the original packaging", Neu},
                          {"have not opened it yet", Neu},
                      });
}

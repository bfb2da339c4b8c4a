// The Italian vocabulary of product and service reviews, group by group: minimal pairs in which
// one sentence needs an entry (a review word, a set phrase, a quick spelling) and its partner, a
// neutral or opposite variant, shows the entry is what decides. Rules are tested apart, on the
// mini lexicon, in test_sentiment.cpp; English and mixed families in test_vocabulary.cpp.
#include <doctest/doctest.h>

#include <string>

#include "analysis/analyzer.h"
#include "helpers.h"

using namespace ascolto;

namespace {

Analysis italian(const std::string& text) {
  static Analyzer it(testing::shipped(), Lang::It);
  return it.analyze(text);
}

struct Case {
  const char* text;
  SentimentLabel label;
};

void check_all(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(label_name(italian(c.text).label) == std::string(label_name(c.label)));
  }
}

constexpr SentimentLabel Pos = SentimentLabel::Positive;
constexpr SentimentLabel Neg = SentimentLabel::Negative;
constexpr SentimentLabel Neu = SentimentLabel::Neutral;

}  // namespace

TEST_CASE("Italian written without accents reads as with them") {
  check_all({
      {"tornero sicuramente", Pos},
      {"tornerò sicuramente", Pos},
      {"cosi cosi", Neu},
      {"la qualita è ottima", Pos},
      {"la qualita è scarsa", Neg},
  });
  // The negator "non più" without its accent still negates.
  CHECK(italian("non lo ricomprero").score < -0.1);
  CHECK(italian("lo ricomprero").score > 0.1);
  // Words shorter than three letters keep their accent: "e" is "and", not "è".
  CHECK(italian("non e male").label == italian("non è male").label);
  // The councillor is not the future of "consigliare".
  CHECK(italian("la consigliera comunale").label == Neu);
  CHECK(italian("lo consiglierà a tutti").label == Pos);
}

TEST_CASE("Italian abbreviations of quick reviews") {
  check_all({
      {"nn funziona", Neg},
      {"funziona", Pos},
      {"nn lo consiglio", Neg},
      {"lo consiglio", Pos},
      {"caro, cmq funziona", Pos},
  });
  CHECK(italian("bello xò si è rotto subito").score < italian("bello e si è rotto subito").score);
}

TEST_CASE("Italian lukewarm verdicts are neither praise nor complaint") {
  check_all({
      {"niente di che", Neu},
      {"niente di cui lamentarsi", Pos},
      {"niente di speciale", Neu},
      {"così così", Neu},
      {"così bello", Pos},
      {"fa il minimo indispensabile", Neg},
      {"è diventato indispensabile", Pos},
  });
}

TEST_CASE("Italian reviews: praise stated as a fact") {
  check_all({
      {"corrisponde alla descrizione", Pos},
      {"non corrisponde alla descrizione", Neg},
      {"tiene la carica per tre giorni", Pos},
      {"tiene la borsa per tre giorni", Neu},
      {"costa meno che al supermercato", Pos},
      {"costa come al supermercato", Neu},
      {"rispetto ai negozi si risparmia parecchio", Pos},
      {"lo ricompro sicuramente", Pos},
      {"non lo ricompro", Neg},
      {"hanno sostituito il prodotto senza fare storie", Pos},
      {"hanno sostituito il prodotto", Neu},
      {"la crema si assorbe in fretta", Pos},
      {"la crema unge", Neg},
      {"la crema non unge", Pos},
      {"il maglione fa pelucchi", Neg},
      {"il maglione non fa pelucchi", Pos},
      {"un profumo che dura tutta la giornata", Pos},
  });
}

TEST_CASE("Italian reviews: what was missing, cold, wet or refused") {
  check_all({
      {"manca il caricatore", Neg},
      {"c'è il caricatore", Neu},
      {"al ritiro mancavano due articoli", Neg},
      {"al ritiro c'erano due articoli", Neu},
      {"la batteria si scarica in due ore", Neg},
      {"la batteria si carica in due ore", Neu},
      {"il piatto è arrivato freddo", Neg},
      {"il piatto è arrivato al tavolo", Neu},
      {"c'erano capelli nel lavandino", Neg},
      {"c'erano asciugamani nel bagno", Neu},
      {"il pacco è arrivato bagnato", Neg},
      {"il pacco è arrivato martedì", Neu},
      {"sono due settimane che aspetto una risposta", Neg},
      {"ancora aspetto il tecnico", Neg},
      {"aspetto il tecnico", Neu},
      {"il reso me lo hanno rifiutato", Neg},
      {"il reso me lo hanno accettato", Neu},
      {"ci ho rimesso cinquanta euro", Neg},
      {"si rimpallano le responsabilità", Neg},
      {"ognuno dà la colpa all'altro", Neg},
      {"una cover di plasticaccia", Neg},
      {"una cover di plastica", Neu},
  });
}

TEST_CASE("Italian advice on sizes and audiences is no recommendation") {
  check_all({
      {"consiglio di prendere una misura in meno", Neu},
      {"consiglio di prenderlo", Pos},
      {"vestibilità abbondante", Neu},
      {"porzioni abbondanti", Pos},
  });
  CHECK(italian("il sapore è forte, per chi ama il caffè intenso").label == Neu);
  CHECK(italian("amo questo caffè intenso").label == Pos);
}

// The shipped domain packs: each loads on top of the base lexicons and finds its themes in
// representative sentences of both languages, and stays quiet on the traps of its domain.
#include <doctest/doctest.h>

#include <map>

#include "analysis/analyzer.h"
#include "helpers.h"

using namespace ascolto;

namespace {

const Lexicons& with_pack(const std::string& pack) {
  static std::map<std::string, std::unique_ptr<Lexicons>> loaded;
  auto& lex = loaded[pack];
  if (!lex) lex = load_lexicons({testing::shipped_lexicons(), {pack}, 64 << 20});
  return *lex;
}

bool mentions_top(const Analysis& r, const std::string& top) {
  for (const Mention& m : r.mentions) {
    if (m.theme == top || m.theme.rfind(top + ".", 0) == 0) return true;
  }
  return false;
}

// A sentence and a top-level theme it must (or must not) mention.
struct Case {
  const char* text;
  const char* top;
  bool expected;
};

void check_cases(const std::string& pack, Lang lang, const std::vector<Case>& cases) {
  Analyzer analyzer(with_pack(pack), lang);
  for (const Case& c : cases) {
    const std::string expectation =
        pack + ": \"" + c.text + "\" " + (c.expected ? "mentions " : "does not mention ") + c.top;
    INFO(expectation);
    CHECK(mentions_top(analyzer.analyze(c.text), c.top) == c.expected);
  }
}

}  // namespace

TEST_CASE("packs: every pack loads and adds its top-level themes") {
  const std::map<std::string, std::vector<std::string>> tops = {
      {"restaurant", {"food", "service", "price", "ambience"}},
      {"hospitality",
       {"cleanliness", "comfort", "amenities", "staff", "value", "wifi", "location"}},
      {"telco", {"coverage", "network", "plans", "sim", "roaming", "equipment"}},
      {"banking", {"fees", "cards", "accounts", "branch", "loans", "investments"}},
      {"ecommerce", {"listings", "marketplace"}}};
  for (const auto& [pack, ids] : tops) {
    const Taxonomy& taxonomy = with_pack(pack).taxonomy;
    for (const auto& id : ids) {
      const std::string added = pack + " adds " + id;
      INFO(added);
      REQUIRE(taxonomy.index_of(id));
      CHECK(taxonomy.at(*taxonomy.index_of(id)).parent.empty());
    }
  }
  CHECK_FALSE(testing::shipped().taxonomy.index_of("ambience"));
}

TEST_CASE("packs: a pack's subthemes hang under its top levels") {
  const Taxonomy& taxonomy = with_pack("hospitality").taxonomy;
  for (const auto& [sub, top] :
       std::vector<std::pair<std::string, std::string>>{{"comfort.beds", "comfort"},
                                                        {"comfort.noise", "comfort"},
                                                        {"amenities.breakfast", "amenities"},
                                                        {"amenities.parking", "amenities"},
                                                        {"staff.check_in", "staff"}}) {
    REQUIRE(taxonomy.index_of(sub));
    CHECK(taxonomy.at(*taxonomy.index_of(sub)).parent == top);
    CHECK(taxonomy.at(*taxonomy.index_of(sub)).parent_index == *taxonomy.index_of(top));
    CHECK(taxonomy.at(*taxonomy.index_of(top)).parent_index == -1);
  }
}

TEST_CASE("packs: restaurant, English") {
  check_cases("restaurant", Lang::En,
              {{"The pasta was overcooked and bland", "food", true},
               {"Great sushi and a good wine list", "food", true},
               {"Portions are tiny", "food", true},
               {"Our waiter was rude and the service painfully slow", "service", true},
               {"We waited 40 minutes for a table", "service", true},
               {"The staff were attentive and friendly", "service", true},
               {"A bit pricey but worth every penny", "price", true},
               {"They added a service charge to the bill", "price", true},
               {"Cozy atmosphere and beautiful decor", "ambience", true},
               {"It was so loud we could not hear each other", "ambience", true},
               {"Ask for a table on the patio with a view of the river", "ambience", true},
               {"The food is delicious", "ambience", false},
               {"The waitress was lovely", "food", false},
               {"They added a service charge to the bill", "service", false},
               {"We will definitely come back next week", "food", false},
               {"We will definitely come back next week", "ambience", false},
               {"My friends recommended it", "service", false}});
}

TEST_CASE("packs: restaurant, Italian") {
  check_cases("restaurant", Lang::It,
              {{"La pizza era buonissima e l'impasto leggero", "food", true},
               {"Ottima carta dei vini", "food", true},
               {"Porzioni abbondanti", "food", true},
               {"Il cameriere è stato scortese", "service", true},
               {"Abbiamo aspettato un'ora per il primo", "service", true},
               {"Personale gentilissimo e disponibile", "service", true},
               {"Il conto era salato: 5 euro di coperto", "price", true},
               {"Ottimo rapporto qualità prezzo", "price", true},
               {"Atmosfera romantica e arredamento curato", "ambience", true},
               {"Locale troppo rumoroso, non si riusciva a parlare", "ambience", true},
               {"Cena in terrazza con vista sul mare", "ambience", true},
               {"Il tiramisù era squisito", "ambience", false},
               {"Il tiramisù era squisito", "service", false},
               {"Ci torneremo sicuramente", "food", false},
               {"Ci torneremo sicuramente", "price", false}});
}

TEST_CASE("packs: hospitality, Italian") {
  check_cases(
      "hospitality", Lang::It,
      {{"Camera pulitissima e profumata", "cleanliness", true},
       {"C'era polvere ovunque e muffa nella doccia", "cleanliness", true},
       {"Letto comodissimo e cuscini morbidi", "comfort", true},
       {"Le pareti sottili: si sentiva tutto dalla stanza accanto", "comfort", true},
       {"Colazione abbondante e varia", "amenities", true},
       {"Il parcheggio è a pagamento", "amenities", true},
       {"Il personale della reception è stato gentilissimo", "staff", true},
       {"Check-in veloce", "staff", true},
       {"Ottimo rapporto qualità prezzo", "value", true},
       {"Troppo cara per quello che offre: 200 euro a notte", "value", true},
       {"Il wifi non funzionava", "wifi", true},
       {"Posizione perfetta, a due passi dal centro e vicino alla stazione", "location", true},
       {"Colazione abbondante e varia", "staff", false},
       {"Il wifi non funzionava", "comfort", false},
       {"Posizione perfetta", "comfort", false},
       {"Il parcheggio è a pagamento", "location", false},
       {"Torneremo sicuramente", "staff", false}});
}

TEST_CASE("packs: hospitality, English") {
  check_cases("hospitality", Lang::En,
              {{"The bathroom was filthy and the sheets stained", "cleanliness", true},
               {"There was a strong smell of smoke", "cleanliness", true},
               {"Very comfortable bed and a quiet room", "comfort", true},
               {"Thin walls, we could hear everything", "comfort", true},
               {"Breakfast was excellent", "amenities", true},
               {"Free parking and a lovely pool", "amenities", true},
               {"The receptionist was extremely helpful", "staff", true},
               {"Check-in took forever", "staff", true},
               {"Great value for money", "value", true},
               {"Overpriced at 250 euros a night", "value", true},
               {"The wifi kept dropping", "wifi", true},
               {"Great location, a short walk from the station", "location", true},
               {"My camera died on the first day", "comfort", false},
               {"Breakfast was excellent", "staff", false},
               {"Great location", "comfort", false},
               {"We would stay here again", "staff", false}});
}

TEST_CASE("packs: telco, both languages") {
  check_cases("telco", Lang::En,
              {{"No signal at all in my house", "coverage", true},
               {"Download speeds are terrible since the upgrade to 5G", "network", true},
               {"The broadband keeps disconnecting", "network", true},
               {"I ran out of data after a week", "plans", true},
               {"My PAC code never arrived", "sim", true},
               {"Roaming charges in Switzerland were outrageous", "roaming", true},
               {"The router they sent was faulty", "equipment", true},
               {"The agent on the phone was polite", "equipment", false},
               {"The prices went down last month", "network", false}});
  check_cases("telco", Lang::It,
              {{"In casa non c'è campo", "coverage", true},
               {"La fibra è lentissima la sera", "network", true},
               {"Linea assente da tre giorni, nessun tecnico", "network", true},
               {"Ho finito i giga in una settimana", "plans", true},
               {"La portabilità del numero ha richiesto un mese", "sim", true},
               {"All'estero il roaming costa troppo", "roaming", true},
               {"Il modem in comodato non funziona", "equipment", true},
               {"L'operatore al telefono è stato gentile", "equipment", false},
               {"Mi hanno risposto in modo lento e confuso", "network", false}});
}

TEST_CASE("packs: banking, both languages") {
  check_cases("banking", Lang::En,
              {{"The monthly fee went up again", "fees", true},
               {"My card was blocked while abroad", "cards", true},
               {"Opening an account took three weeks", "accounts", true},
               {"The bank transfer took five days", "accounts", true},
               {"The banking app keeps logging me out", "digital", true},
               {"Only one cashier and a long queue", "branch", true},
               {"The mortgage application was a nightmare", "loans", true},
               {"Good returns on my savings account", "accounts", true},
               {"The adviser was friendly", "fees", false},
               {"The adviser was friendly", "loans", false}});
  check_cases("banking", Lang::It,
              {{"Le commissioni sui bonifici sono troppo alte", "fees", true},
               {"Carta bloccata senza preavviso", "cards", true},
               {"Per chiudere il conto ci sono voluti due mesi", "accounts", true},
               {"L'app della banca si blocca sempre", "digital", true},
               {"In filiale c'era una coda infinita", "branch", true},
               {"Il mutuo è stato approvato in tempi rapidi", "loans", true},
               {"Il consulente mi ha proposto fondi costosi", "investments", true},
               {"È una soluzione pratica", "loans", false},
               {"Il consulente è stato gentile", "cards", false}});
}

TEST_CASE("packs: ecommerce, both languages") {
  check_cases("ecommerce", Lang::En,
              {{"The item was not as described", "listings", true},
               {"The colour is different from the photos", "listings", true},
               {"It runs small, order a size up", "listings", true},
               {"The third-party seller never replied", "marketplace", true},
               {"This is clearly a counterfeit", "marketplace", true},
               {"The search filters are useless", "digital", true},
               {"Arrived in a crushed box", "delivery", true},
               {"The return label would not print", "returns", true},
               {"Great product, fast delivery", "marketplace", false},
               {"I will definitely shop here again", "returns", false}});
  check_cases("ecommerce", Lang::It,
              {{"Il prodotto non è conforme alla descrizione", "listings", true},
               {"Il colore è diverso dalla foto", "listings", true},
               {"Veste piccolo, prendete una taglia in più", "listings", true},
               {"Il venditore non ha mai risposto", "marketplace", true},
               {"Mi è arrivato un prodotto contraffatto", "marketplace", true},
               {"I filtri di ricerca non funzionano", "digital", true},
               {"Pacco arrivato con la scatola rotta", "delivery", true},
               {"La procedura di reso è stata semplice", "returns", true},
               {"Ho usato il prodotto per un mese", "marketplace", false},
               {"Ottimo prodotto, consegna veloce", "listings", false}});
}

TEST_CASE("packs: context conditions send an ambiguous word to the right theme") {
  check_cases("restaurant", Lang::En,
              {{"They added a service charge for a party of four", "price", true},
               {"The service was charged at 15%", "service", false},
               {"We ate outside in the sun", "ambience", true},
               {"I stepped outside to make a call", "ambience", false}});
  check_cases("restaurant", Lang::It,
              {{"Servizio incluso nel conto", "service", false},
               {"Servizio incluso nel conto", "price", true},
               {"Mi sono reso conto che era chiuso", "price", false}});
  check_cases("hospitality", Lang::It,
              {{"Camera pulitissima", "comfort", false},
               {"Camera spaziosa e luminosa", "comfort", true},
               {"Bagno personale in camera", "staff", false},
               {"Parcheggio disponibile su richiesta", "staff", false},
               {"Personale molto disponibile", "staff", true}});
  check_cases("hospitality", Lang::En,
              {{"Mobile phone reception was poor", "staff", false},
               {"Reception was open all night", "staff", true}});
  check_cases("telco", Lang::It,
              {{"Vicino al campo da calcio", "coverage", false},
               {"Qui non c'è mai campo", "coverage", true}});
  check_cases("banking", Lang::En,
              {{"The adviser showed no interest in helping", "fees", false},
               {"The interest rate on my loan doubled", "fees", true}});
}

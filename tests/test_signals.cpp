#include <doctest/doctest.h>

#include "analysis/analyzer.h"
#include "helpers.h"

using namespace ascolto;

namespace {

Signals signals_of(Lang lang, const char* text) {
  Analyzer a(testing::shipped(), lang);
  return a.analyze(text).signals;
}

std::vector<Intent> intents_of(Lang lang, const char* text) {
  Analyzer a(testing::shipped(), lang);
  return a.explain(text).intents;
}

using I = std::vector<Intent>;

}  // namespace

TEST_CASE("signals: churn intent, and a negated loyalty statement is churn too") {
  CHECK(signals_of(Lang::It, "Disdico domani, basta").churn_intent);
  CHECK(signals_of(Lang::It, "Passo alla concorrenza appena scade il contratto").churn_intent);
  CHECK(signals_of(Lang::It, "Cambierò operatore a fine mese").churn_intent);
  CHECK(signals_of(Lang::It, "Non tornerò mai più in quel negozio").churn_intent);
  CHECK(signals_of(Lang::It, "Non ci torneremo").churn_intent);
  CHECK(signals_of(Lang::It, "Mai più!").churn_intent);
  CHECK(signals_of(Lang::En, "I'm cancelling my subscription today").churn_intent);
  CHECK(signals_of(Lang::En, "We are switching to another provider").churn_intent);
  CHECK(signals_of(Lang::En, "Never again.").churn_intent);
  CHECK(signals_of(Lang::En, "I won't be back").churn_intent);
  CHECK(signals_of(Lang::En, "Taking my business elsewhere").churn_intent);
  // Not churn: loyalty, a negated threat, unrelated uses of the same words.
  CHECK_FALSE(signals_of(Lang::It, "Tornerò sicuramente, ottimo servizio").churn_intent);
  CHECK_FALSE(signals_of(Lang::It, "Non disdico, per ora resto").churn_intent);
  CHECK_FALSE(signals_of(Lang::It, "Non ho mai più avuto problemi con la linea").churn_intent);
  CHECK_FALSE(signals_of(Lang::It, "Passo a ritirare il pacco domani").churn_intent);
  CHECK_FALSE(signals_of(Lang::En, "We will definitely come back").churn_intent);
  CHECK_FALSE(signals_of(Lang::En, "I'm not cancelling my subscription").churn_intent);
  CHECK_FALSE(signals_of(Lang::En, "The last time I ordered it was great").churn_intent);
  CHECK_FALSE(signals_of(Lang::En, "I switched to the new app and it is better").churn_intent);
}

TEST_CASE("signals: repeat contact") {
  CHECK(signals_of(Lang::It, "Ho chiamato tre volte e nessuno sa nulla").repeat_contact);
  CHECK(signals_of(Lang::It, "Ho sollecitato più volte via mail").repeat_contact);
  CHECK(signals_of(Lang::It, "È la terza volta che scrivo per lo stesso problema").repeat_contact);
  CHECK(signals_of(Lang::It, "Dopo numerosi solleciti ancora niente").repeat_contact);
  CHECK(signals_of(Lang::It, "Mi hanno passato da un operatore all'altro").repeat_contact);
  CHECK(signals_of(Lang::En, "Third time I call about the same bill").repeat_contact);
  CHECK(signals_of(Lang::En, "I have called them five times").repeat_contact);
  CHECK(signals_of(Lang::En, "I was transferred from one department to another").repeat_contact);
  CHECK_FALSE(signals_of(Lang::It, "Ho chiamato e hanno risolto subito").repeat_contact);
  CHECK_FALSE(signals_of(Lang::En, "Second time I ordered here, great as always").repeat_contact);
  CHECK_FALSE(signals_of(Lang::En, "I called once and they fixed it").repeat_contact);
}

TEST_CASE("signals: recommendation, its negation and explicit warnings") {
  CHECK(signals_of(Lang::It, "Lo consiglio a tutti").recommendation == Recommendation::Recommends);
  CHECK(signals_of(Lang::It, "Consigliatissimo!").recommendation == Recommendation::Recommends);
  CHECK(signals_of(Lang::It, "Non lo consiglio").recommendation == Recommendation::Refuses);
  CHECK(signals_of(Lang::It, "Sconsigliato").recommendation == Recommendation::Refuses);
  CHECK(signals_of(Lang::It, "State alla larga").recommendation == Recommendation::Refuses);
  CHECK(signals_of(Lang::En, "Highly recommended!").recommendation == Recommendation::Recommends);
  CHECK(signals_of(Lang::En, "I would not recommend them").recommendation ==
        Recommendation::Refuses);
  CHECK(signals_of(Lang::En, "Stay away from this shop").recommendation == Recommendation::Refuses);
  // A refusal anywhere in the comment wins over a recommendation.
  CHECK(
      signals_of(Lang::En, "I used to recommend them. Now I can't recommend them").recommendation ==
      Recommendation::Refuses);
  CHECK(signals_of(Lang::It, "Un consiglio: aggiungete la chat").recommendation ==
        Recommendation::None);
}

TEST_CASE("intent: suggestion, question, praise, complaint per sentence") {
  CHECK(intents_of(Lang::It, "Il personale è gentile. Sarebbe utile un'app.") ==
        I{Intent::Praise, Intent::Suggestion});
  CHECK(intents_of(Lang::It, "Vorrei che aggiungeste il pagamento con PayPal") ==
        I{Intent::Suggestion});
  CHECK(intents_of(Lang::It, "Quando arriva il pacco?") == I{Intent::Question});
  CHECK(intents_of(Lang::It, "Consegna in ritardo e pacco rotto.") == I{Intent::Complaint});
  CHECK(intents_of(Lang::En, "Please add Apple Pay. Delivery was fast") ==
        I{Intent::Suggestion, Intent::Praise});
  CHECK(intents_of(Lang::En, "It would be great if the app had dark mode") ==
        I{Intent::Suggestion});
  CHECK(intents_of(Lang::En, "Do you ship to Norway?") == I{Intent::Question});
  // A question this negative is a complaint, not a request for information.
  CHECK(intents_of(Lang::En, "Why is your service so terrible and useless?") ==
        I{Intent::Complaint});
  CHECK(intents_of(Lang::En, "I ordered on Monday.") == I{Intent::Neutral});
}

TEST_CASE("intent: a negated suggestion in a positive sentence is praise, negative advice is not") {
  CHECK(intents_of(Lang::It, "Non c'è niente da migliorare, tutto perfetto.") == I{Intent::Praise});
  CHECK(intents_of(Lang::It, "Non dovreste chiudere alle 18, è scomodo.") == I{Intent::Suggestion});
  CHECK(intents_of(Lang::En, "Nothing could be improved, the staff were perfect.") ==
        I{Intent::Praise});
  CHECK(intents_of(Lang::En, "You should not charge for delivery, it is annoying.") ==
        I{Intent::Suggestion});
}

TEST_CASE("intent: each theme mention carries its sentence's intent") {
  Analyzer a(testing::shipped(), Lang::En);
  const Analysis r = a.analyze("The refund was a nightmare. Please add a live chat.");
  REQUIRE(r.mentions.size() >= 2);
  CHECK(r.mentions.front().intent == Intent::Complaint);
  CHECK(r.mentions.back().intent == Intent::Suggestion);
  CHECK(std::string(intent_name(r.mentions.back().intent)) == "suggestion");
}

TEST_CASE("intent: a mention with an opinion of its own in a sentence of opinions") {
  for (const auto& [lang, text] :
       {std::pair{Lang::It, "Prezzi aumentati senza preavviso e personale del negozio gentile e competente."},
        std::pair{Lang::En, "Prices increased without notice and the shop staff were friendly."}}) {
    Analyzer a(testing::shipped(), lang);
    const Analysis r = a.analyze(text);
    const auto intent_of = [&](std::string_view theme) {
      for (const Mention& m : r.mentions) {
        if (m.theme == theme) return m.intent;
      }
      FAIL("no mention of " << theme << " in: " << text);
      return Intent::Neutral;
    };
    CHECK(intent_of("price.increases") == Intent::Complaint);
    CHECK(intent_of("store.staff") == Intent::Praise);
  }
  // Suggestions and questions stay what their sentence is; a mention without an opinion keeps it.
  CHECK(mention_intent(Intent::Suggestion, -0.8) == Intent::Suggestion);
  CHECK(mention_intent(Intent::Question, 0.8) == Intent::Question);
  CHECK(mention_intent(Intent::Praise, 0.0) == Intent::Praise);
  CHECK(mention_intent(Intent::Neutral, -0.4) == Intent::Complaint);
}

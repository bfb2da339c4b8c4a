#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "analysis/analyzer.h"
#include "analysis/sentence_text.h"
#include "analysis/theme_examples.h"
#include "helpers.h"

using namespace ascolto;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> themes_of(const Analysis& a) {
  std::vector<std::string> out;
  for (const Mention& m : a.mentions) out.push_back(m.theme);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("themes: terms, prefixes, phrases and rules, each with offsets and text") {
  Analyzer a(testing::mini_lexicons(), Lang::Und);
  const Analysis r = a.analyze("Il cibo era ottimo, ma la consegna è arrivata in ritardo.");
  CHECK(r.lang == Lang::It);
  CHECK(themes_of(r) == V{"food", "delivery.delay"});
  const Mention& delay = r.mentions[1];
  CHECK(delay.text == "in ritardo");
  CHECK(delay.start == 46);
  CHECK(delay.end == 56);  // code points: "è" counts as one
  CHECK(delay.sentence == 0);
}

TEST_CASE("themes: each mention carries its own clause's sentiment") {
  Analyzer a(testing::mini_lexicons(), Lang::It);
  const Analysis r = a.analyze("cibo ottimo ma servizio lento");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].theme == "food");
  CHECK(r.mentions[0].sentiment > 0);
  CHECK(r.mentions[1].theme == "service");
  CHECK(r.mentions[1].sentiment < 0);
}

TEST_CASE("themes: with no opinion in its segment either, a mention takes its sentence's") {
  Analyzer a(testing::mini_lexicons(), Lang::En);
  const Analysis r = a.analyze("Only food is served, but it is great. The delivery was late.");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].theme == "food");
  CHECK(r.mentions[0].sentiment > 0);
  // The next sentence's opinion does not leak back.
  CHECK(r.mentions[1].sentiment <= 0);
}

TEST_CASE("themes: a theme named as missing is a complaint; a complaint named as missing is not") {
  Analyzer en(testing::mini_lexicons(), Lang::En);
  Analysis r = en.analyze("There was no delivery option.");
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].sentiment < 0);
  r = en.analyze("The delivery option is new.");
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].sentiment == 0);
  // An opinion word in the clause decides as usual: a missing problem is good news.
  r = en.analyze("No problem with the delivery");
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].sentiment > 0);
  Analyzer it(testing::mini_lexicons(), Lang::It);
  r = it.analyze("Niente cibo per i bambini");
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].sentiment < 0);
}

TEST_CASE("themes: a mention in a clause without opinion words takes its segment's sentiment") {
  Analyzer a(testing::mini_lexicons(), Lang::En);
  const Analysis r = a.analyze("The food, as always, was great.");
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].sentiment > 0);
}

TEST_CASE("themes: a clause joining two statements gives each mention its own conjunct's opinion") {
  Analyzer en(testing::mini_lexicons(), Lang::En);
  Analysis r = en.analyze("The delivery was slow and the food was great");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].theme == "delivery");
  CHECK(r.mentions[0].sentiment < 0);
  CHECK(r.mentions[1].theme == "food");
  CHECK(r.mentions[1].sentiment > 0);
  // A conjunct with no opinion of its own takes its clause's.
  r = en.analyze("The food and the delivery were great");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].sentiment > 0);
  CHECK(r.mentions[1].sentiment > 0);
  Analyzer it(testing::mini_lexicons(), Lang::It);
  r = it.analyze("La consegna era lenta e il cibo ottimo");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].sentiment < 0);
  CHECK(r.mentions[1].sentiment > 0);
  r = it.analyze("Il cibo e la consegna sono ottimi");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].sentiment > 0);
  CHECK(r.mentions[1].sentiment > 0);
  // Opinions that cancel out over the whole clause still speak for their own conjuncts.
  r = en.analyze("The delivery was a problem and the food was nice");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.score == 0);
  CHECK(r.mentions[0].sentiment < 0);
  CHECK(r.mentions[1].sentiment > 0);
  r = it.analyze("La consegna lascia a desiderare e il cibo è bello");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.score == 0);
  CHECK(r.mentions[0].sentiment < 0);
  CHECK(r.mentions[1].sentiment > 0);
}

TEST_CASE("themes: an entry of valence 0 is no opinion for its mention") {
  const auto lex = load_lexicons({testing::data_dir() + "/lexicons-mini", {"dining"}, 64 << 20});
  Analyzer en(*lex, Lang::En);
  Analysis r = en.analyze("The soul food however was great");
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].sentiment > 0);
  Analyzer it(*lex, Lang::It);
  r = it.analyze("Il cibo buono però era ottimo");
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].sentiment > 0);
}

TEST_CASE("themes: a pattern's valence is the opinion of a mention whose clause has none") {
  const auto lex = load_lexicons({testing::data_dir() + "/lexicons-mini", {"dining"}, 64 << 20});
  Analyzer en(*lex, Lang::En);
  Analysis r = en.analyze("We waited 2 hours for the delivery.");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].theme == "service.wait");
  CHECK(r.mentions[0].sentiment < 0);
  // Its context must allow it: "only" before the wait is no complaint.
  r = en.analyze("We only waited 2 hours for the delivery.");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].sentiment == 0);
  // It comes before the fallback to the rest of the sentence ...
  r = en.analyze("We waited 2 hours, the delivery was great");
  CHECK(r.mentions[0].sentiment < 0);
  // ... and before the rest of its clause when it stands in a conjunct of its own ...
  r = en.analyze("We waited 2 hours and it was great");
  CHECK(r.mentions[0].sentiment < 0);
  // ... but an opinion word in its own clause decides as usual.
  r = en.analyze("It was nice that we waited 2 hours");
  REQUIRE(!r.mentions.empty());
  CHECK(r.mentions[0].sentiment > 0);
  Analyzer it(*lex, Lang::It);
  r = it.analyze("Abbiamo aspettato 2 ore per la consegna.");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].theme == "service.wait");
  CHECK(r.mentions[0].sentiment < 0);
  r = it.analyze("Abbiamo aspettato solo 2 ore per la consegna.");
  CHECK(r.mentions[0].sentiment == 0);
  r = it.analyze("Abbiamo aspettato 2 ore e la consegna era ottima");
  CHECK(r.mentions[0].sentiment < 0);
  r = it.analyze("È stato bello che abbiamo aspettato 2 ore");
  REQUIRE(!r.mentions.empty());
  CHECK(r.mentions[0].sentiment > 0);
}

TEST_CASE("themes: RE2 rules find their span; a parent gives way to its subtheme") {
  Analyzer a(testing::mini_lexicons(), Lang::En);
  Analysis r = a.analyze("I waited 45 minutes for customer service");
  CHECK(themes_of(r) == V{"service.wait"});
  CHECK(r.mentions[0].text == "waited 45 minutes");
  r = a.analyze("The delivery was late. Meals were good and prices fair");
  CHECK(themes_of(r) == V{"delivery.delay", "food", "price"});
  CHECK(r.mentions[0].sentence == 0);
  CHECK(r.mentions[1].sentence == 1);
}

TEST_CASE("themes: Italian rule over elided text and an elided phrase") {
  Analyzer a(testing::mini_lexicons(), Lang::It);
  const Analysis r = a.analyze("L'assistenza? Attesa di 40 minuti.");
  CHECK(themes_of(r) == V{"service", "service.wait"});
}

TEST_CASE("themes: the shipped taxonomy covers common CX complaints in both languages") {
  Analyzer a(testing::shipped(), Lang::Und);
  const auto has_top = [](const Analysis& r, const std::string& top) {
    for (const Mention& m : r.mentions) {
      if (m.theme == top || m.theme.rfind(top + ".", 0) == 0) return true;
    }
    return false;
  };
  CHECK(has_top(a.analyze("Il pacco è arrivato con una settimana di ritardo"), "delivery"));
  CHECK(has_top(a.analyze("The parcel arrived a week late"), "delivery"));
  CHECK(has_top(a.analyze("Ho chiesto il rimborso ma non è mai arrivato"), "returns"));
  CHECK(has_top(a.analyze("I asked for a refund twice"), "returns"));
  CHECK(has_top(a.analyze("L'app si blocca sempre al login"), "digital"));
  CHECK(has_top(a.analyze("The app keeps crashing"), "digital"));
  CHECK(has_top(a.analyze("La bolletta era sbagliata"), "billing"));
  CHECK(has_top(a.analyze("My invoice was wrong"), "billing"));
  CHECK(a.analyze("Ho visto un bel film ieri sera").mentions.empty());
}

TEST_CASE("themes: context words decide an ambiguous term (near / not_near)") {
  Analyzer en(testing::mini_lexicons(), Lang::En);
  CHECK(themes_of(en.analyze("The service was friendly")) == V{"service"});
  CHECK(themes_of(en.analyze("They added a service charge")) == V{"price"});
  CHECK(themes_of(en.analyze("No service fees, great")) == V{"price"});
  // Outside the window the charge no longer decides.
  CHECK(themes_of(en.analyze("Service was slow and then a very big extra charge")) == V{"service"});
  Analyzer it(testing::mini_lexicons(), Lang::It);
  CHECK(themes_of(it.analyze("Il servizio era ottimo")) == V{"service"});
  CHECK(themes_of(it.analyze("Il costo del servizio era alto")) == V{"price"});
  CHECK(themes_of(it.analyze("supplemento servizio assurdo")) == V{"price"});
}

TEST_CASE("themes: a pack adds themes and its terms override the base mapping") {
  const auto lex = load_lexicons({testing::data_dir() + "/lexicons-mini", {"dining"}, 64 << 20});
  Analyzer base_en(testing::mini_lexicons(), Lang::En), pack_en(*lex, Lang::En);
  CHECK(themes_of(base_en.analyze("The waiter came late")) == V{"delivery.delay"});
  CHECK(themes_of(pack_en.analyze("The waiter came late")) == V{"service.wait"});
  CHECK(themes_of(pack_en.analyze("Loud music")) == V{"ambience"});
  CHECK(themes_of(base_en.analyze("Loud music")).empty());
  Analyzer pack_it(*lex, Lang::It);
  CHECK(themes_of(pack_it.analyze("Il primo è arrivato in ritardo")) == V{"service.wait"});
  CHECK(themes_of(pack_it.analyze("Musica troppo alta")) == V{"ambience"});
  // The pack's domain valences apply only while it is active.
  CHECK(pack_en.analyze("Huge portions").score > 0);
  CHECK(base_en.analyze("Huge portions").score == 0);
  CHECK(pack_it.analyze("Porzioni abbondanti").score > 0);
  REQUIRE(lex->en.overrides.size() == 1);
  CHECK(lex->en.overrides[0].term == "late");
}

TEST_CASE("themes: example sentences pass, and a wrong one is reported with its file:line") {
  CHECK(check_theme_examples(testing::mini_lexicons()).empty());
  const testing::ScratchDir scratch("themes-examples");
  const fs::path dir = scratch.mini_lexicons_copy("lexicons");
  std::ofstream(dir / "en" / "theme_examples.tsv", std::ios::app)
      << "food\t+\tThe soup was cold\nprice\t-\tPrices were fair\n";
  const auto lex = load_lexicons({dir.string(), {}, 64 << 20});
  const auto failures = check_theme_examples(*lex);
  REQUIRE(failures.size() == 2);
  CHECK(lex->where(failures[0].example->src).find("en/theme_examples.tsv:4") != std::string::npos);
  CHECK(failures[0].themes_found.empty());
  CHECK(failures[1].example->must_match == false);
  CHECK(failures[1].themes_found == V{"price"});
}

TEST_CASE("themes: sentence texts are rebuilt per comment, keeping entries from a longer one") {
  Tokenizer tok;
  TokenizedText t;
  std::vector<SentenceText> texts;
  tok.tokenize("I'm happy. The food's cold! Don't go.", t);
  build_sentence_texts(t, testing::mini_lexicons().en, texts);
  REQUIRE(texts.size() == 3);
  CHECK(texts[0].str() == "i am happy.");
  CHECK(texts[1].str() == "the food's cold!");
  CHECK(texts[2].str() == "do not go.");
  tok.tokenize("Nice staff.", t);
  build_sentence_texts(t, testing::mini_lexicons().en, texts);
  CHECK(texts.size() == 3);
  CHECK(texts[0].str() == "nice staff.");
  using Range = std::pair<std::uint32_t, std::uint32_t>;
  CHECK(texts[0].tokens_of(5, 10) == Range{1, 2});
  // A match from a gap, or from or to the middle of a token, takes the tokens it overlaps; an
  // empty one still takes a token.
  CHECK(texts[0].tokens_of(4, 10) == Range{1, 2});
  CHECK(texts[0].tokens_of(2, 7) == Range{0, 2});
  CHECK(texts[0].tokens_of(0, 0) == Range{0, 1});
  CHECK(texts[0].tokens_of(11, 11) == Range{2, 3});
}

TEST_CASE("themes: one rule set pass per sentence serves both the theme and the signal rules") {
  const LanguageLexicon& en = testing::shipped().en;
  Tokenizer tok;
  TokenizedText t;
  std::vector<SentenceText> texts;
  tok.tokenize("The product is long lasting and I am cancelling my subscription.", t);
  build_sentence_texts(t, en, texts);
  const std::vector<int>& hits = texts[0].rule_hits();
  CHECK(std::is_sorted(hits.begin(), hits.end()));
  // Each owner sees its own rules, in rule order, with the tokens of the match.
  std::vector<std::string> themes, signals;
  for_each_rule_match(en.rules, 0, texts[0], [&](std::size_t r, std::uint32_t b, std::uint32_t e) {
    themes.push_back(testing::shipped().taxonomy.at(en.rules[r].theme).id + " " + t.tokens[b].norm +
                     " " + t.tokens[e - 1].norm);
  });
  for_each_rule_match(en.signal_rules, en.rules.size(), texts[0],
                      [&](std::size_t r, std::uint32_t b, std::uint32_t e) {
                        signals.push_back(std::string(signal_kind_name(en.signal_rules[r].kind)) +
                                          " " + t.tokens[b].norm + " " + t.tokens[e - 1].norm);
                      });
  CHECK(themes == V{"product.quality long lasting", "contract my subscription",
                    "contract.cancellation cancelling subscription"});
  CHECK(signals == V{"churn i subscription"});
}

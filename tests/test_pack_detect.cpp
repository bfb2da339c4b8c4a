// The pack detector: the shipped packs' domain words recognise an export of each domain from a
// sample of its comments in either language; a mixed export gets both packs, one with a few
// words of another domain keeps its own only, and an export with no domain vocabulary gets none.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/pack_detect.h"
#include "common/error.h"
#include "helpers.h"

using namespace ascolto;

namespace {

PackDetection detect(const std::vector<std::string>& comments) {
  PackDetector d = PackDetector::load(testing::shipped_lexicons());
  for (const std::string& c : comments) d.add(c);
  return d.result();
}

using Names = std::vector<std::string>;

// Repeats a handful of comments, as a sample of an export repeats its domain's words.
std::vector<std::string> times(const std::vector<std::string>& comments, int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.insert(out.end(), comments.begin(), comments.end());
  return out;
}

const std::vector<std::string> kGeneric = {
    "Very happy, thank you.", "Not bad at all, I would recommend you.",
    "Tutto bene, grazie.",    "Sono soddisfatto, lo consiglierei.",
    "Could be better.",
};

}  // namespace

TEST_CASE("pack detection: each shipped domain from its own vocabulary, English and Italian") {
  struct Domain {
    const char* pack;
    std::vector<std::string> comments;
  };
  const std::vector<Domain> domains = {
      {"telco",
       {"The broadband keeps dropping and the router lights are red.",
        "Engineer came, fibre installed, wifi is fast.",
        "Non ho segnale in casa, la fibra è lenta.", "Il modem non si connette e l'adsl cade.",
        "Good deal."}},
      {"banking",
       {"The bank charged me for the overdraft.", "My debit card was blocked at the ATM.",
        "Il bonifico è arrivato dopo tre giorni in filiale.",
        "Il mutuo costa troppo, la banca non risponde.", "Fine."}},
      {"ecommerce",
       {"The parcel never arrived, the courier lied about tracking.",
        "Shipping was quick and the seller refunded me.",
        "Il pacco è arrivato rotto, il corriere non ha suonato.",
        "Spedizione veloce, il reso è stato facile.", "Ok."}},
      {"hospitality",
       {"The hotel room was spotless and the receptionist kind.",
        "We stayed three nights, towels changed daily.",
        "Albergo pulito, soggiorno piacevole, colazione abbondante.",
        "Camera rumorosa ma asciugamani puliti.", "Great."}},
      {"restaurant",
       {"The waiter was slow but the dessert was amazing.",
        "Great restaurant, huge portions, chef came to the table.",
        "Ristorante delizioso, camerieri gentili.", "Antipasti ottimi e porzioni abbondanti.",
        "Lovely."}},
  };
  for (const Domain& d : domains) {
    INFO(d.pack);
    const PackDetection r = detect(times(d.comments, 4));
    CHECK(r.sampled == 20);
    CHECK(r.chosen() == Names{d.pack});
    REQUIRE(!r.packs.empty());
    CHECK(r.packs.front().pack == d.pack);
    CHECK(r.packs.front().votes >= 16);
    CHECK(!r.packs.front().words.empty());
  }
}

TEST_CASE("pack detection: mixed vocabulary gives several packs, a few stray words do not") {
  // Half hotel, half restaurant: both.
  const std::vector<std::string> hotel = {"The hotel room was clean.",
                                          "Soggiorno in albergo ottimo.",
                                          "Housekeeping forgot our towels."};
  const std::vector<std::string> food = {"The waiter brought the wrong dessert.",
                                         "Ristorante con porzioni enormi.",
                                         "Chef and sushi superb."};
  std::vector<std::string> both = times(hotel, 4);
  for (const std::string& c : times(food, 4)) both.push_back(c);
  CHECK(detect(both).chosen() == Names{"hospitality", "restaurant"});

  // A hotel export where two guests mention the restaurant: hospitality only.
  std::vector<std::string> mostly = times(hotel, 8);
  mostly.push_back("The restaurant waiter was rude.");
  mostly.push_back("Dessert at the restaurant was cold.");
  CHECK(detect(mostly).chosen() == Names{"hospitality"});
}

TEST_CASE("pack detection: no domain vocabulary, no pack; an empty sample, no pack") {
  const PackDetection generic = detect(times(kGeneric, 10));
  CHECK(generic.sampled == 50);
  CHECK(generic.chosen().empty());
  CHECK(generic.summary() == "packs: none (no domain vocabulary in 50 comments)");

  // One weak hint per comment ("order", "room") is not a vote.
  const PackDetection hints = detect(times({"I placed an order.", "We needed more room."}, 10));
  CHECK(hints.chosen().empty());

  const PackDetection empty = detect({"", "   ", "!!!"});
  CHECK(empty.sampled == 0);
  CHECK(empty.chosen().empty());
  // Nothing sampled (standard input) says how to choose instead of "no vocabulary".
  CHECK(empty.summary().find("name the packs with --pack NAME") != std::string::npos);
}

TEST_CASE(
    "pack detection: thresholds, the evidence as text and JSON, words counted once per comment") {
  PackDetector d;
  d.add_domain_word("telco", "broadband", 2);
  d.add_domain_word("telco", "phone line", 2);
  d.add_domain_word("banking", "bank", 2);
  // Two votes only: under the minimum of three.
  d.add("Broadband broadband broadband!");
  d.add("My phone line is dead.");
  CHECK(d.result().chosen().empty());
  d.add("Broadband slow, phone line noisy.");
  const PackDetection r = d.result();
  CHECK(r.chosen() == Names{"telco"});
  REQUIRE(r.packs.size() == 2);
  CHECK(r.packs[0].votes == 3);
  CHECK(r.packs[0].words ==
        std::vector<std::pair<std::string, std::int64_t>>{{"broadband", 2}, {"phone line", 2}});
  CHECK(r.summary() == "packs: telco (3 of 3 comments: broadband 2, phone line 2)");
  const auto j = nlohmann::json::parse(r.json());
  CHECK(j["sampled"] == 3);
  CHECK(j["chosen"] == nlohmann::json::array({"telco"}));
  CHECK(j["packs"][0]["words"]["broadband"] == 2);
  CHECK(j["packs"][1]["pack"] == "banking");
  CHECK(j["packs"][1]["chosen"] == false);
}

TEST_CASE("pack detection: a bad domain.tsv line is a lexicon error with file:line") {
  const testing::ScratchDir scratch("pack-detect");
  const std::string dir = scratch.path().string();
  scratch.write("packs/mine/domain.tsv", "# words\nbroadband\t2\nrouter\tthree\n");
  try {
    (void)PackDetector::load(dir);
    FAIL("expected a LexiconError");
  } catch (const LexiconError& e) {
    CHECK(e.pos().line == 3);
    CHECK(e.pos().file.find("domain.tsv") != std::string::npos);
  }
}

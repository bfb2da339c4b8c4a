#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "lexicon/lexicons.h"
#include "lexicon/term_matcher.h"

using namespace ascolto;
namespace fs = std::filesystem;

namespace {

// A copy of the mini lexicon with one file replaced, to test load errors.
std::string broken_copy(const std::string& file, const std::string& content) {
  static int copies = 0;
  const fs::path dir =
      testing::scratch_dir().mini_lexicons_copy("lexicons-" + std::to_string(++copies));
  std::ofstream(dir / file, std::ios::trunc) << content;
  return dir.string();
}

}  // namespace

TEST_CASE("TermMatcher: longest match over words, prefixes and phrases") {
  TermMatcher<int> m;
  bool inserted = false;
  m.add({"non"}, false, 1, &inserted);
  m.add({"non", "vedo", "l'", "ora"}, false, 2, &inserted);
  m.add({"delus"}, true, 3, &inserted);
  m.add({"servizio", "client"}, true, 4, &inserted);
  CHECK(inserted);
  m.add({"non"}, false, 9, &inserted);
  CHECK_FALSE(inserted);
  std::vector<Token> toks(5);
  const char* words[] = {"non", "vedo", "l'", "ora", "deluso"};
  for (int i = 0; i < 5; ++i) toks[static_cast<std::size_t>(i)].norm = words[i];
  auto hit = m.longest(toks, 0, 5);
  REQUIRE(hit);
  CHECK(hit->length == 4);
  CHECK(*hit->payload == 2);
  hit = m.longest(toks, 0, 3);  // the phrase does not fit: the single word wins
  REQUIRE(hit);
  CHECK(*hit->payload == 1);
  hit = m.longest(toks, 4, 5);
  REQUIRE(hit);
  CHECK(*hit->payload == 3);
  CHECK(m.word("servizio") == nullptr);
  toks[0].norm = "servizio";
  toks[1].norm = "clienti";
  hit = m.longest(toks, 0, 5);
  REQUIRE(hit);
  CHECK(*hit->payload == 4);
}

TEST_CASE("TermMatcher: words alike in length and edges are still told apart") {
  // The first-word filter looks only at length and edge bytes: the maps decide the rest.
  TermMatcher<int> m;
  bool inserted = false;
  m.add({"pasta"}, false, 1, &inserted);
  m.add({"pane", "caldo"}, false, 2, &inserted);
  m.add({"pas"}, true, 3, &inserted);
  CHECK(*m.word("pasta") == 1);
  CHECK(*m.word("pastasciutta") == 3);  // not a word entry: the prefix still applies
  CHECK(m.word("paxta") == nullptr);
  std::vector<Token> toks(2);
  toks[0].norm = "pane";
  toks[1].norm = "caldo";
  const auto hit = m.longest(toks, 0, 2);
  REQUIRE(hit);
  CHECK(*hit->payload == 2);
  toks[0].norm = "paxta";
  CHECK_FALSE(m.longest(toks, 0, 2));
  // A second word no phrase of "pane" starts with: the single word, when there is one.
  m.add({"pane"}, false, 4, &inserted);
  m.add({"pane", "e"}, true, 5, &inserted);
  toks[0].norm = "pane";
  toks[1].norm = "fresco";
  CHECK(*m.longest(toks, 0, 2)->payload == 4);
  toks[1].norm = "eccellente";
  CHECK(*m.longest(toks, 0, 2)->payload == 5);
}

TEST_CASE("lexicons: the mini set loads with sources for every entry") {
  const Lexicons& lex = testing::mini_lexicons();
  const SentimentEntry* e = lex.it.sentiment.word("ottimo");
  REQUIRE(e);
  CHECK(e->valence == doctest::Approx(3.0));
  CHECK(lex.where(e->src).find("it/sentiment.tsv:2") != std::string::npos);
  CHECK(lex.taxonomy.size() == 6);
  CHECK(lex.en.rules.size() == 1);
  CHECK(lex.emoji.count("😡") == 1);
  // The optional third column says what kind of entry it is.
  CHECK(e->kind == EntryKind::Opinion);
  CHECK(lex.en.sentiment.word("lol")->kind == EntryKind::Interjection);
  CHECK(lex.en.sentiment.word("holiday")->kind == EntryKind::Connotation);
}

TEST_CASE("lexicons: the shipped set loads and is non-trivial") {
  const Lexicons& lex = testing::shipped();
  CHECK(lex.taxonomy.size() >= 15);
  CHECK(lex.it.sentiment.size() > 1000);
  CHECK(lex.en.sentiment.size() > 1000);
  CHECK(lex.emoji.size() >= 300);
  CHECK(lex.it.rule_set != nullptr);
  CHECK(lex.en.rule_set != nullptr);
}

TEST_CASE("lexicons: invalid entries are reported with file:line") {
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("it/sentiment.tsv", "# c\nbuono\t9\n"), {}, 1 << 26}),
      doctest::Contains("it/sentiment.tsv:2: valence 9 is outside -4 .. 4"));
  CHECK_THROWS_WITH(load_lexicons({broken_copy("en/sentiment.tsv", "good\tgreat\n"), {}, 1 << 26}),
                    doctest::Contains("en/sentiment.tsv:1: valence 'great' is not a number"));
  CHECK_THROWS_WITH(
      load_lexicons(
          {broken_copy("en/sentiment.tsv", "good\t1.9\nbad\t-2\ngood\t2.5\n"), {}, 1 << 26}),
      doctest::Contains("en/sentiment.tsv:3: 'good' is already listed at"));
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/sentiment.tsv", "lol\t1.0\tlaughter\n"), {}, 1 << 26}),
      doctest::Contains(
          "en/sentiment.tsv:1: unknown flag 'laughter'; expected interjection or connotation"));
  CHECK_THROWS_WITH(
      load_lexicons(
          {broken_copy("en/sentiment.tsv", "lol\t1.0\tinterjection\nlol\t1.0\n"), {}, 1 << 26}),
      doctest::Contains("en/sentiment.tsv:2: 'lol' is already listed at"));
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("it/modifiers.tsv", "molto\tamplifier\t0.3\n"), {}, 1 << 26}),
      doctest::Contains("it/modifiers.tsv:1: unknown modifier kind 'amplifier'"));
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/themes.tsv", "food\tre:(unclosed\n"), {}, 1 << 26}),
      doctest::Contains("en/themes.tsv:1: invalid RE2 rule"));
  CHECK_THROWS_WITH(load_lexicons({broken_copy("en/themes.tsv", "drinks\tbeer\n"), {}, 1 << 26}),
                    doctest::Contains("en/themes.tsv:1: unknown theme 'drinks'"));
  CHECK_THROWS_WITH(load_lexicons({broken_copy("themes.tsv", "food.x\tfood\tX\tX\n"), {}, 1 << 26}),
                    doctest::Contains("themes.tsv:1: parent theme 'food' is not defined above"));
  CHECK_THROWS_WITH(
      load_lexicons(
          {broken_copy("en/themes.tsv", "food\tbread\tnear:fresh window:x\n"), {}, 1 << 26}),
      doctest::Contains("en/themes.tsv:1: window 'x' is not a number"));
  CHECK_THROWS_WITH(
      load_lexicons(
          {broken_copy("en/themes.tsv", "food\tre:took \\d+ hours\tvalence:-5\n"), {}, 1 << 26}),
      doctest::Contains("en/themes.tsv:1: valence -5 is outside -4 .. 4"));
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/themes.tsv", "food\tbread\tclose:fresh\n"), {}, 1 << 26}),
      doctest::Contains("en/themes.tsv:1: unknown context condition 'close:fresh'"));
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/themes.tsv", "food\tbread\tnear:very fresh\n"), {}, 1 << 26}),
      doctest::Contains("en/themes.tsv:1: unknown context condition 'fresh'"));
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/theme_examples.tsv", "food\tyes\tGood food\n"), {}, 1 << 26}),
      doctest::Contains("en/theme_examples.tsv:1: expected '+' (must match) or '-'"));
  CHECK_THROWS_WITH(load_lexicons({broken_copy("emoji.tsv", "abc\t1.0\n"), {}, 1 << 26}),
                    doctest::Contains("emoji.tsv:1: 'abc' is not read as one emoji"));
}

TEST_CASE("lexicons: patterns that shadow each other or can never match are refused") {
  // The tagger drops a parent beside its subtheme, so one term for both is always shadowed.
  CHECK_THROWS_WITH(
      load_lexicons(
          {broken_copy("en/themes.tsv", "service\tqueue\nservice.wait\tqueue\n"), {}, 1 << 26}),
      doctest::Contains("en/themes.tsv:2: 'queue' is also listed at"));
  // A modifier always wins over an opinion entry of the same words (intensifiers aside).
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/sentiment.tsv", "good\t1.9\nat all\t-1.0\n"), {}, 1 << 26}),
      doctest::Contains("en/modifiers.tsv:6: 'at all' is also an opinion entry at"));
  CHECK_NOTHROW(
      load_lexicons({broken_copy("en/sentiment.tsv", "good\t1.9\nvery\t0.5\n"), {}, 1 << 26}));
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/themes.tsv", "food\tre:\\bPizza\\b\n"), {}, 1 << 26}),
      doctest::Contains("en/themes.tsv:1: this rule can never match: it has an upper-case letter"));
  // Escapes and case-insensitive rules are fine.
  CHECK_NOTHROW(load_lexicons(
      {broken_copy("en/themes.tsv", "food\tre:\\bpizza\\S*\\b\nfood\tre:(?i)\\bPizza\\b\n"),
       {},
       1 << 26}));
}

TEST_CASE("lexicons: a rule set over the memory budget is refused") {
  std::string rules;
  for (int i = 0; i < 300; ++i)
    rules += "food\tre:[a-z]{0,90}q[a-z]{0,90}z" + std::to_string(i) + "\n";
  CHECK_THROWS_WITH(load_lexicons({broken_copy("en/themes.tsv", rules), {}, 1 << 20}),
                    doctest::Contains("memory budget"));
  // The message names a rule's file:line, the largest one.
  rules += "food\tre:[a-z]{0,200}q[a-z]{0,200}zz\n";
  CHECK_THROWS_WITH(load_lexicons({broken_copy("en/themes.tsv", rules), {}, 1 << 20}),
                    doctest::Contains("en/themes.tsv:301: the rules of"));
}

TEST_CASE("lexicons: a single RE2 rule over the memory budget is refused at its file:line") {
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/themes.tsv", "food\tcibo\nfood\tre:\\pL{1000}\\pL{1000}\n"),
                     {},
                     1 << 20}),
      doctest::Contains("en/themes.tsv:2: RE2 rule too large for the memory budget of 1 MiB"));
}

TEST_CASE(
    "lexicons: an extra lexicon adds entries and overrides shipped valences in both languages") {
  const std::string extra = testing::write_file(
      "ascolto-extra.tsv", "# brand names\nbottegaverde\t2.0\nbuono\t1.0\nslow\t-3.0\n");
  LexiconOptions o{testing::data_dir() + "/lexicons-mini", {}, 64 << 20, {extra}};
  const auto lex = load_lexicons(o);
  REQUIRE(lex->it.sentiment.word("bottegaverde"));
  REQUIRE(lex->en.sentiment.word("bottegaverde"));
  CHECK(lex->it.sentiment.word("buono")->valence == doctest::Approx(1.0));
  CHECK(lex->en.sentiment.word("slow")->valence == doctest::Approx(-3.0));
  CHECK(lex->where(lex->en.sentiment.word("slow")->src).find("ascolto-extra.tsv:4") !=
        std::string::npos);
  std::ofstream(extra, std::ios::app)
      << "bottegaverde\t-1.0\n";  // a duplicate inside the file itself
  CHECK_THROWS_WITH(load_lexicons(o),
                    doctest::Contains("ascolto-extra.tsv:5: 'bottegaverde' is already listed"));
}

TEST_CASE("lexicons: a valence or weight that is not a finite number is refused with file:line") {
  for (const char* bad : {"nan", "-nan", "NAN", "inf", "-infinity"}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH(
        load_lexicons({broken_copy("it/sentiment.tsv", std::string("# c\nbuono\t") + bad + "\n"),
                       {},
                       1 << 26}),
        doctest::Contains(
            ("it/sentiment.tsv:2: valence '" + std::string(bad) + "' is not a finite number")
                .c_str()));
    const std::string extra = testing::write_file("ascolto-extra-nan.tsv",
                                                  std::string("ottimo\t1.0\nbrand\t") + bad + "\n");
    LexiconOptions o{testing::data_dir() + "/lexicons-mini", {}, 64 << 20, {extra}};
    CHECK_THROWS_WITH(load_lexicons(o), doctest::Contains("ascolto-extra-nan.tsv:2: valence"));
  }
  CHECK_THROWS_WITH(
      load_lexicons({broken_copy("en/modifiers.tsv", "very\tbooster\tnan\n"), {}, 1 << 26}),
      doctest::Contains("en/modifiers.tsv:1: weight 'nan' is not a finite number"));
}

TEST_CASE("lexicons: a rule that matches the empty string or any word is refused with file:line") {
  for (const char* rule :
       {"re:x*", "re:(?:)", "re:\\b", "re:.", "re:\\w+", "re:[a-z]", "re:\\s*"}) {
    CAPTURE(rule);
    const std::string content = std::string("food\tcibo\nfood\t") + rule + "\n";
    CHECK_THROWS_WITH(load_lexicons({broken_copy("it/themes.tsv", content), {}, 1 << 26}),
                      doctest::Contains("it/themes.tsv:2: this rule matches"));
  }
  // Narrow rules, even with optional parts, stay accepted.
  CHECK_NOTHROW(
      load_lexicons({broken_copy("en/themes.tsv",
                                 "food\tre:\\bpizz[ae]s?\\b\nfood\tre:\\b(?:took|waited) \\d+\n"),
                     {},
                     1 << 26}));
}

TEST_CASE("lexicons: with an error list, every invalid line of every file is reported") {
  const std::string dir =
      broken_copy("it/sentiment.tsv", "buono\t9\nottimo\t1.5\ncattivo\tnan\nlento\t-1\tloud\n");
  std::ofstream(fs::path(dir) / "en/themes.tsv", std::ios::trunc)
      << "drinks\tbeer\nfood\tbread\nfood\tre:(unclosed\n";
  std::ofstream(fs::path(dir) / "themes.tsv", std::ios::app) << "Bad Id\t-\tX\tX\n";
  // Without a list, the first error stops the load.
  CHECK_THROWS_WITH(load_lexicons({dir, {}, 1 << 26}), doctest::Contains("themes.tsv:"));
  std::vector<LexiconError> errors;
  LexiconOptions o{dir, {}, 1 << 26};
  o.errors = &errors;
  CHECK_NOTHROW(load_lexicons(o));
  std::vector<std::string> messages;
  for (const LexiconError& e : errors) messages.push_back(e.what());
  REQUIRE(messages.size() == 6);
  CHECK(messages[0].find("themes.tsv:") != std::string::npos);
  CHECK(messages[0].find("theme id 'Bad Id' must be lower_snake_case") != std::string::npos);
  CHECK(messages[1].find("it/sentiment.tsv:1: valence 9 is outside") != std::string::npos);
  CHECK(messages[2].find("it/sentiment.tsv:3: valence 'nan'") != std::string::npos);
  CHECK(messages[3].find("it/sentiment.tsv:4: unknown flag 'loud'") != std::string::npos);
  CHECK(messages[4].find("en/themes.tsv:1: unknown theme 'drinks'") != std::string::npos);
  CHECK(messages[5].find("en/themes.tsv:3: invalid RE2 rule") != std::string::npos);
}

TEST_CASE("lexicons: an extra lexicon maps brand and product names to themes in both languages") {
  const std::string extra = testing::write_file(
      "ascolto-extra-themes.tsv",
      "# products\nFibre Max 500\ttheme:service.wait\nmeal\ttheme:price\nottimo\t2.5\n");
  LexiconOptions o{testing::data_dir() + "/lexicons-mini", {}, 64 << 20, {extra}};
  const auto lex = load_lexicons(o);
  const auto theme_of = [&](const LanguageLexicon& lang, std::vector<std::string> toks,
                            bool prefix) -> std::string {
    const ThemeHits* hits = lang.themes.find(toks, prefix);
    if (!hits || hits->size() != 1) return "";
    return lex->taxonomy.at(hits->front().theme).id;
  };
  CHECK(theme_of(lex->en, {"fibre", "max", "500"}, false) == "service.wait");
  CHECK(theme_of(lex->it, {"fibre", "max", "500"}, false) == "service.wait");
  // The user's mapping replaces the shipped one of the same term ("meal*" stays food).
  CHECK(theme_of(lex->en, {"meal"}, false) == "price");
  CHECK(theme_of(lex->en, {"meal"}, true) == "food");
  // Opinion lines of the same file still load.
  CHECK(lex->it.sentiment.word("ottimo")->valence == doctest::Approx(2.5));
  std::ofstream(extra, std::ios::app) << "acme\ttheme:drinks\nacme corp\ttheme:price\textra\n";
  CHECK_THROWS_WITH(load_lexicons(o),
                    doctest::Contains("ascolto-extra-themes.tsv:5: unknown theme 'drinks'"));
  std::vector<LexiconError> errors;
  o.errors = &errors;
  load_lexicons(o);
  REQUIRE(errors.size() == 4);  // each line once per language
  CHECK(std::string(errors[1].what())
            .find("ascolto-extra-themes.tsv:6: expected term<TAB>theme:ID") != std::string::npos);
}

TEST_CASE("lexicons: Italian entries also match written without their final accents") {
  const std::string dir =
      broken_copy("it/sentiment.tsv",
                  "tornerò\t2.0\ncosì così\t-0.1\nqualità scarsa\t-1.5\nsì\t0.5\nperché no\t0.8\n"
                  "ritornerò\t2.0\nritornero\t1.0\ndelus*\t-2.2\nfelicità*\t2.0\n");
  std::ofstream(fs::path(dir) / "it/modifiers.tsv", std::ios::app) << "più che\tbooster\t0.3\n";
  const auto lex = load_lexicons({dir, {}, 64 << 20});
  const auto& it = lex->it;
  REQUIRE(it.sentiment.word("tornero"));
  CHECK(it.sentiment.word("tornero")->valence == doctest::Approx(2.0));
  // Every word of a phrase, and a prefix entry's last word.
  CHECK(it.sentiment.find({"cosi", "cosi"}, false));
  CHECK(it.sentiment.find({"qualita", "scarsa"}, false));
  CHECK(it.sentiment.find({"perche", "no"}, false));
  CHECK(it.sentiment.find({"felicita"}, true));
  CHECK(it.modifiers.find({"piu", "che"}, false));
  // Two-letter words keep their accent: "si" and "e" are other words.
  CHECK_FALSE(it.sentiment.word("si"));
  // A spelling listed on its own keeps its own valence.
  CHECK(it.sentiment.word("ritornero")->valence == doctest::Approx(1.0));
  // English entries are left alone.
  CHECK_FALSE(lex->en.sentiment.word("tornero"));
  fs::remove_all(dir);
}

TEST_CASE("lexicons: a pack's or user's valence replaces the unaccented spelling too") {
  const fs::path extra = fs::temp_directory_path() / "ascolto-extra-accents.tsv";
  std::ofstream(extra) << "qualità\t1.0\n";
  const std::string dir = broken_copy("it/sentiment.tsv", "qualità\t0.5\n");
  const auto lex = load_lexicons({dir, {}, 64 << 20, {extra.string()}});
  CHECK(lex->it.sentiment.word("qualità")->valence == doctest::Approx(1.0));
  CHECK(lex->it.sentiment.word("qualita")->valence == doctest::Approx(1.0));
  fs::remove_all(dir);
  fs::remove(extra);
}

// End-to-end: runs the built `ascolto` binary on files under tests/data and examples/, then
// checks the SQLite contents, the JSON lines, the messages and the exit codes.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include "cli.h"

#include "store/schema.h"

using namespace ascolto::testing;

TEST_CASE("analyze: every row stored with sentiment, themes, segments; JSON shape") {
  const std::string db = fresh_db("small.db");
  const fs::path out = scratch() / "small.jsonl";
  const Result r =
      run_cli("analyze " + data("small.csv") + " --db " + db + " --out " + out.string());
  CHECK(r.code == 0);
  CHECK(r.err.find("5 rows read: 5 stored (5 new, 0 updated, 0 unchanged), 0 rejected") !=
        std::string::npos);
  CHECK(r.err.find('\r') == std::string::npos);  // no progress line when stderr is not a TTY
  CHECK(q(db, "SELECT count(*) FROM responses") == 5);
  CHECK(q(db, "SELECT count(*) FROM segments WHERE name = 'store'") == 5);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE band = 'promoter'") == 2);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE lang = 'it'") == 3);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE lang = 'en'") == 2);
  CHECK(q(db, "SELECT count(*) FROM mentions") >= 5);
  CHECK(q(db, "SELECT count(*) FROM runs WHERE status = 'completed' AND rows_read = 5") == 1);
  CHECK(q(db, "PRAGMA user_version") == ascolto::kSchemaVersion);
  CHECK(q(db, "PRAGMA integrity_check") == 0);  // "ok" is not a number: getInt64 -> 0

  const auto lines = json_lines(slurp(out));
  REQUIRE(lines.size() == 5);
  const auto& a2 = lines[1];
  CHECK(a2["id"] == "A2");
  CHECK(a2["lang"] == "en");
  CHECK(a2["nps"]["score"] == 3);
  CHECK(a2["nps"]["band"] == "detractor");
  CHECK(a2["sentiment"]["label"] == "negative");
  CHECK(a2["sentiment"]["score"].get<double>() < 0);
  bool delivery = false;
  for (const auto& m : a2["themes"]) {
    const std::string theme = m["theme"];
    if (theme.rfind("delivery", 0) == 0) delivery = true;
    const std::string comment =
        "The parcel arrived two weeks late and customer service never answered.";
    CHECK(comment.substr(m["start"].get<std::size_t>(),
                         m["end"].get<std::size_t>() - m["start"].get<std::size_t>()) ==
          m["text"].get<std::string>());
    CHECK(m.contains("sentence"));
    CHECK(m.contains("sentiment"));
    CHECK(m.contains("intent"));
  }
  CHECK(delivery);
  CHECK(a2["signals"].contains("churn_intent"));
  CHECK(a2["signals"].contains("recommendation"));
  CHECK(lines[2]["sentiment"]["label"] == "positive");
  // Key order is part of the contract.
  CHECK(slurp(out).rfind("{\"id\":\"A1\",\"lang\":", 0) == 0);
}

TEST_CASE("analyze: churn, repeat contact, recommendation and intent are stored and written") {
  const std::string db = fresh_db("signals.db");
  const fs::path out = scratch() / "signals.jsonl";
  const Result r =
      run_cli("analyze " + data("signals.csv") + " --db " + db + " --out " + out.string());
  REQUIRE(r.code == 0);
  CHECK(q(db, "SELECT churn_intent FROM responses WHERE source_id = 'S1'") == 1);
  CHECK(q(db, "SELECT repeat_contact FROM responses WHERE source_id = 'S1'") == 1);
  CHECK(q(db, "SELECT churn_intent FROM responses WHERE source_id = 'S3'") == 1);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE churn_intent = 1") == 2);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE repeat_contact = 1") == 1);
  CHECK(q(db,
          "SELECT count(*) FROM responses WHERE recommendation = 'recommends' "
          "AND source_id = 'S2'") == 1);
  CHECK(q(db,
          "SELECT count(*) FROM responses WHERE recommendation = 'refuses' "
          "AND source_id = 'S3'") == 1);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE recommendation IS NULL") == 2);
  // S4: the payment mentions sit in the request sentence.
  CHECK(q(db,
          "SELECT count(*) FROM mentions m JOIN responses r ON r.id = m.response_id "
          "WHERE r.source_id = 'S4' AND m.theme LIKE 'payment%' "
          "AND m.intent = 'suggestion'") >= 1);
  CHECK(q(db,
          "SELECT count(*) FROM mentions m JOIN responses r ON r.id = m.response_id "
          "WHERE r.source_id = 'S4' AND m.sentence = 1 AND m.intent != 'suggestion'") == 0);
  const auto lines = json_lines(slurp(out));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0]["signals"]["churn_intent"] == true);
  CHECK(lines[0]["signals"]["repeat_contact"] == true);
  CHECK(lines[1]["signals"]["recommendation"] == "recommends");
  CHECK(lines[2]["signals"]["recommendation"] == "refuses");
  CHECK(lines[3]["signals"]["recommendation"].is_null());
}

TEST_CASE("report --uncovered: frequent words and phrases of comments with no theme") {
  const std::string db = fresh_db("uncovered.db");
  REQUIRE(run_cli("analyze " + data("uncovered.csv") + " --db " + db).code == 0);
  const Result r = run_cli("report --db " + db + " --uncovered --top 5");
  REQUIRE(r.code == 0);
  // U6 has a theme (delivery); the five others do not.
  CHECK(r.out.find("Comments with no theme: 5 of 6 (83.3%)") != std::string::npos);
  CHECK(r.out.find("[en] 3 comments") != std::string::npos);
  CHECK(r.out.find("[it] 2 comments") != std::string::npos);
  const auto row = [&](const std::string& term, int n) {
    return RE2::PartialMatch(r.out, "\\b" + term + " +" + std::to_string(n) + "\\b");
  };
  CHECK(row("christmas", 3));
  CHECK(row("christmas decorations", 3));
  CHECK(row("decorazioni natalizie", 2));
  // Stopwords and opinion words say nothing about what the taxonomy misses.
  CHECK(r.out.find(" the ") == std::string::npos);
  CHECK(r.out.find("great") == std::string::npos);
  CHECK(r.out.find("delivery") == std::string::npos);
  CHECK(run_cli("report --db " + db + " --uncovered --top 0").code == 2);
}

TEST_CASE("analyze: re-running the same import adds nothing; a changed row is updated") {
  const std::string db = fresh_db("rerun.db");
  CHECK(run_cli("analyze " + data("small.csv") + " --db " + db).code == 0);
  const Result again = run_cli("analyze " + data("small.csv") + " --db " + db);
  CHECK(again.code == 0);
  CHECK(again.err.find("(0 new, 0 updated, 5 unchanged)") != std::string::npos);
  CHECK(q(db, "SELECT count(*) FROM responses") == 5);
  const std::int64_t mentions = q(db, "SELECT count(*) FROM mentions");
  // A corrected export under its own name (another folder); another name would be an id clash.
  const fs::path changed = scratch() / "small.csv";
  std::string text = slurp(data("small.csv"));
  text.replace(text.find("Niente da dire"), 14, "Consegna in ritardo");
  std::ofstream(changed) << text;
  const Result upd = run_cli("analyze " + changed.string() + " --db " + db);
  CHECK(upd.err.find("(0 new, 1 updated, 4 unchanged)") != std::string::npos);
  CHECK(q(db, "SELECT count(*) FROM responses") == 5);
  CHECK(qs(db, "SELECT text FROM responses WHERE source_id = 'A5'") == "Consegna in ritardo");
  CHECK(q(db, "SELECT count(*) FROM mentions") > mentions);
  CHECK(q(db, "SELECT count(*) FROM runs") == 3);
}

TEST_CASE("analyze: Windows-1252, ';' delimiter and dd/mm/yyyy dates come out right") {
  const std::string db = fresh_db("it.db");
  const Result r = run_cli("analyze " + data("italian-1252.csv") + " --db " + db + " --out -");
  CHECK(r.code == 0);
  CHECK(qs(db, "SELECT text FROM responses WHERE source_id = '1'") ==
        "Personale cortese, però il prezzo è un po' alto");
  CHECK(qs(db, "SELECT response_date FROM responses WHERE source_id = '2'") == "2026-02-17");
  CHECK(qs(db,
           "SELECT value FROM segments s JOIN responses r ON r.id = s.response_id WHERE "
           "source_id = '3'") == "Roma");
  CHECK(q(db, "SELECT count(*) FROM responses WHERE lang = 'it'") == 3);
  CHECK(json_lines(r.out).size() == 3);
  CHECK(qs(db, "SELECT inputs FROM runs").find("windows-1252") != std::string::npos);
}

TEST_CASE("analyze: bad rows are rejected with file:line:column, the rest is stored") {
  const std::string db = fresh_db("bad.db");
  const Result r = run_cli("analyze " + data("bad-rows.csv") + " --db " + db);
  CHECK(r.code == 1);
  const std::string f = data("bad-rows.csv");
  CHECK(r.err.find(f + ":3:2: field: score 'dieci' is not a number; expected 0-10") !=
        std::string::npos);
  CHECK(r.err.find(f + ":4:2: field: score 11 is outside 0-10") != std::string::npos);
  CHECK(r.err.find(f + ":5:3: field: empty comment") != std::string::npos);
  CHECK(r.err.find(f + ":6:30: rejected row: unexpected character after closing quote") !=
        std::string::npos);
  CHECK(r.err.find(f + ":7: rejected row: expected 3 fields as in the header, found 2") !=
        std::string::npos);
  CHECK(r.err.find(f + ":8: rejected row: expected 3 fields as in the header, found 5") !=
        std::string::npos);
  CHECK(r.err.find(f + ":9:3: rejected row: invalid UTF-8") != std::string::npos);
  CHECK(r.err.find("9 rows read: 5 stored (5 new, 0 updated, 0 unchanged), 4 rejected") !=
        std::string::npos);
  // Nothing lost: every row is either stored or kept raw in rejects.
  CHECK(q(db, "SELECT count(*) FROM responses") == 5);
  CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'row'") == 4);
  CHECK(
      q(db,
        "SELECT count(*) FROM rejects WHERE severity = 'row' AND raw IS NOT NULL AND raw <> ''") ==
      4);
  CHECK(q(db, "SELECT rows_read - rows_new - rows_rejected FROM runs") == 0);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE source_id IN ('B2', 'B3') AND score IS NULL") ==
        2);
  CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'field'") == 3);
  CHECK(qs(db, "SELECT raw FROM rejects WHERE line = 7") == "B6,5");
}

TEST_CASE("analyze: a duplicate id in one run is rejected, with or without a database") {
  const fs::path csv = scratch() / "dup.csv";
  std::ofstream(csv) << "id,score,comment\nD1,9,ottimo\nD2,3,pessimo\n"
                        "D1,dieci,di nuovo io: mario@example.com\n";
  const std::string db = fresh_db("dup.db");
  const fs::path out = scratch() / "dup.jsonl";
  for (const std::string& target :
       {"--db " + db + " --out " + out.string(), "--out " + out.string()}) {
    CAPTURE(target);
    const Result r = run_cli("analyze " + csv.string() + " " + target);
    CHECK(r.code == 1);
    CHECK(r.err.find(csv.string() + ":4: rejected row: duplicate id 'D1' in column 'id': an "
                                    "earlier row of this run has it") != std::string::npos);
    CHECK(r.err.find("3 rows read: 2 stored") != std::string::npos);
    // The rejected row is reported as a duplicate, not also for the score it would have stored.
    CHECK(r.err.find(csv.string() + ":4:2") == std::string::npos);
    const auto lines = json_lines(slurp(out));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1]["id"] == "D2");
  }
  CHECK(q(db, "SELECT count(*) FROM responses") == 2);
  CHECK(qs(db, "SELECT text FROM responses WHERE source_id = 'D1'") == "ottimo");
  CHECK(qs(db, "SELECT raw FROM rejects WHERE severity = 'row'") ==
        "D1,dieci,di nuovo io: [EMAIL]");
  CHECK(q(db, "SELECT rows_read - rows_new - rows_rejected FROM runs") == 0);
}

TEST_CASE("analyze: an unterminated quote is rejected where it opened; the run goes on") {
  const std::string db = fresh_db("unterminated.db");
  const Result r =
      run_cli("analyze " + data("unterminated.csv") + " " + data("small.csv") + " --db " + db);
  CHECK(r.code == 1);
  CHECK(r.err.find(data("unterminated.csv") + ":3:4: rejected row: unterminated quoted field") !=
        std::string::npos);
  CHECK(q(db, "SELECT count(*) FROM responses") == 7);  // U3, after the bad line, is recovered
  CHECK(q(db, "SELECT count(*) FROM rejects WHERE raw LIKE '%swallowed%'") == 0);
}

TEST_CASE("analyze: a missing column or an unreadable file is skipped with a clear message") {
  const std::string db = fresh_db("missing.db");
  Result r = run_cli("analyze " + data("no-comment-column.csv") + " " + data("does-not-exist.csv") +
                     " " + data("small.csv") + " --db " + db);
  CHECK(r.code == 1);
  CHECK(r.err.find(data("no-comment-column.csv") + ":1: skipped file: no comment column found") !=
        std::string::npos);
  CHECK(r.err.find(data("does-not-exist.csv") + ": skipped file: cannot open file") !=
        std::string::npos);
  CHECK(q(db, "SELECT count(*) FROM responses") == 5);
  CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'file'") == 2);
  r = run_cli("analyze " + data("small.csv") + " --text-col nope --db " + db);
  CHECK(r.err.find("column 'nope' (--text-col) not found; the header has: id, date, score, store, "
                   "comment") != std::string::npos);
}

TEST_CASE("analyze: JSONL, plain lines and standard input") {
  const std::string db = fresh_db("formats.db");
  Result r =
      run_cli("analyze " + data("feedback.jsonl") + " " + data("comments.txt") + " --db " + db);
  CHECK(r.code == 1);  // one broken JSON line
  CHECK(r.err.find(data("feedback.jsonl") + ":3:") != std::string::npos);
  CHECK(q(db, "SELECT count(*) FROM responses") == 5);
  CHECK(q(db, "SELECT score FROM responses WHERE source_id = 'J1'") == 9);
  // Two identical comments in a dump are two responses.
  CHECK(q(db, "SELECT count(*) FROM responses WHERE text = 'Ottimo servizio'") == 2);
  r = run_cli("analyze - --format lines --out - < " + data("comments.txt"));
  CHECK(r.code == 0);
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[2]["id"] == "3");
  CHECK(lines[0]["nps"]["score"].is_null());
}

TEST_CASE("analyze: --lang forces the language; usage errors exit 2") {
  Result r = run_cli("analyze " + data("small.csv") + " --lang it --out -");
  for (const auto& l : json_lines(r.out)) CHECK(l["lang"] == "it");
  CHECK(run_cli("analyze " + data("small.csv")).code == 2);
  CHECK(run_cli("analyze --db x.db").code == 2);
  CHECK(run_cli("analyze " + data("small.csv") + " --out - --lang fr").code == 2);
  CHECK(run_cli("frobnicate").code == 2);
  r = run_cli("analyze --help");
  CHECK(r.code == 0);
  CHECK(r.out.find("--segment-col") != std::string::npos);
  CHECK(run_cli("report --help").out.find("--db") != std::string::npos);
}

TEST_CASE("examples: the mixed export gives one JSON line per row and re-runs add nothing") {
  const std::string db = fresh_db("examples.db");
  const fs::path out = scratch() / "mixed.jsonl";
  const Result r =
      run_cli("analyze " + examples("survey-mixed.csv") + " --db " + db + " --out " + out.string());
  const std::int64_t rows = q(db, "SELECT rows_read FROM runs");
  CHECK(rows >= 80);
  CHECK(q(db, "SELECT count(*) FROM responses") == rows - q(db, "SELECT rows_rejected FROM runs"));
  CHECK(json_lines(slurp(out)).size() ==
        static_cast<std::size_t>(q(db, "SELECT count(*) FROM responses")));
  run_cli("analyze " + examples("survey-mixed.csv") + " --db " + db);
  CHECK(q(db, "SELECT count(*) FROM responses") ==
        rows - q(db, "SELECT rows_rejected FROM runs WHERE id = 1"));
  CHECK(q(db, "SELECT count(*) FROM responses WHERE lang = 'it'") > 10);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE lang = 'en'") > 10);
  CHECK(q(db, "SELECT count(*) FROM nps_by_month") >= 6);
}

TEST_CASE("examples: all shipped exports load; Qualtrics header rows are skipped") {
  const std::string db = fresh_db("all.db");
  const Result r = run_cli("analyze " + examples("survey-it.csv") + " " +
                           examples("survey-en.csv") + " " + examples("survey-mixed.csv") + " " +
                           examples("qualtrics-export.csv") + " --db " + db);
  CHECK(q(db, "SELECT count(*) FROM responses") >= 300);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE source_id LIKE 'R\\_%' ESCAPE '\\'") ==
        q(db, "SELECT count(*) FROM responses WHERE source_file LIKE '%qualtrics%'"));
  CHECK(q(db, "SELECT count(*) FROM responses WHERE text LIKE '%ImportId%'") == 0);
  CHECK(q(db, "SELECT count(*) FROM responses WHERE text LIKE '%Ã%'") == 0);  // no mojibake
  CHECK(q(db, "SELECT count(*) FROM theme_by_month") > 20);
  const Result rep = run_cli("report --db " + db);
  CHECK(rep.code == 0);
  CHECK(rep.out.find("NPS: ") != std::string::npos);
  CHECK(rep.out.find("Top themes") != std::string::npos);
  const std::int64_t p = q(db, "SELECT count(*) FROM responses WHERE band = 'promoter'");
  const std::int64_t d = q(db, "SELECT count(*) FROM responses WHERE band = 'detractor'");
  const std::int64_t n = q(db, "SELECT count(score) FROM responses");
  char expected[64];
  std::snprintf(expected, sizeof expected, "NPS: %+.1f",
                100.0 * static_cast<double>(p - d) / static_cast<double>(n));
  CHECK(rep.out.find(expected) != std::string::npos);
}

TEST_CASE("explain: tokens, entries with file:line, rules, score and themes") {
  const Result r = run_cli(
      "explain \"La consegna non è stata per niente veloce, ma il personale è gentilissimo :)\"");
  CHECK(r.code == 0);
  CHECK(r.out.find("Language: it (detected)") != std::string::npos);
  CHECK(r.out.find("[:) emoticon]") != std::string::npos);
  CHECK(r.out.find("it/sentiment.tsv:") != std::string::npos);
  CHECK(r.out.find("negation, strengthened") != std::string::npos);
  CHECK(r.out.find("contrast: before x0.50, after x1.50") != std::string::npos);
  CHECK(r.out.find("Score: +") != std::string::npos);
  CHECK(r.out.find("Themes:\n  delivery") != std::string::npos);
  CHECK(r.out.find("it/themes.tsv:") != std::string::npos);
  CHECK(r.out.find("2. \"ma il personale è gentilissimo :)\"  sum +") != std::string::npos);
  CHECK(run_cli("explain").code == 2);
  // Clauses read as written, contractions and HTML escapes included.
  const Result en = run_cli("explain --lang en \"I'll be back &amp; I can't wait\"");
  CHECK(en.out.find("1. \"I'll be back & I can't wait\"") != std::string::npos);
  // The rules of a lack, an interjection and a tag question say what they did.
  const Result rules =
      run_cli("explain --lang en \"There was no towel lol. It was great, wasn't it?\"");
  CHECK(rules.out.find("negator with no opinion word to negate: a lack") != std::string::npos);
  CHECK(rules.out.find("interjection: the writer's own feeling") != std::string::npos);
  CHECK(rules.out.find("question: a positive word asks") == std::string::npos);
}

TEST_CASE("eval: metrics against a hand-labelled CSV") {
  const Result r = run_cli("eval --gold " + data("gold.csv"));
  CHECK(r.code == 0);
  CHECK(r.out.find("n=5, misjudged 0; 1 gold 'mixed' left out (labelled ") != std::string::npos);
  CHECK(r.out.find("macro_f1=") != std::string::npos);
  CHECK(r.out.find("pearson_r=") != std::string::npos);
  CHECK(r.out.find("confusion (rows: gold, columns: predicted)") != std::string::npos);
  CHECK(run_cli("eval --gold " + data("small.csv")).code == 1);  // no gold_label column
}

TEST_CASE("eval --misjudged: the rows Ascolto got wrong, as CSV; never over the gold file") {
  const fs::path gold = scratch() / "gold-flipped.csv";
  std::ofstream(gold) << "id,lang,gold_label,text\n"
                         "a,en,negative,\"Great service, thank you!\"\n"
                         "b,en,positive,Great service\n";
  const fs::path list = scratch() / "misjudged.csv";
  Result r = run_cli("eval --gold " + gold.string() + " --misjudged " + list.string());
  CHECK(r.code == 0);
  CHECK(r.out.find("n=2, misjudged 1") != std::string::npos);
  const std::string csv = slurp(list);
  CHECK(csv.rfind("id,gold_label,predicted_label,score,gold_score,text\r\n", 0) == 0);
  CHECK(csv.find("a,negative,positive,") != std::string::npos);
  CHECK(csv.find("b,") == std::string::npos);
  r = run_cli("eval --gold " + gold.string() + " --misjudged " + gold.string());
  CHECK(r.code == 4);
  CHECK(r.err.find("--misjudged") != std::string::npos);
}

TEST_CASE("lexicon check: the shipped set passes, a broken one fails with file:line") {
  Result r = run_cli("lexicon check");
  CHECK(r.code == 0);
  CHECK(r.out.find(": ok") != std::string::npos);
  r = run_cli("lexicon check " + data("lexicons-mini"));
  CHECK(r.code == 0);
  const fs::path broken = scratch() / "broken-lex";
  fs::remove_all(broken);
  fs::copy(data("lexicons-mini"), broken, fs::copy_options::recursive);
  std::ofstream(broken / "it" / "modifiers.tsv", std::ios::app) << "molto\tbooster\t0.9\n";
  std::ofstream(broken / "en" / "sentiment.tsv", std::ios::app) << "awful\tvery bad\n";
  r = run_cli("lexicon check " + broken.string());
  CHECK(r.code == 3);
  // Every invalid line, not only the first.
  CHECK(r.err.find("it/modifiers.tsv:20: 'molto' is already listed at") != std::string::npos);
  CHECK(r.err.find("valence 'very bad' is not a number") != std::string::npos);
  CHECK(r.err.find("2 invalid line(s)") != std::string::npos);

  r = run_cli("lexicon check " + data("lexicons-mini") + " --pack dining");
  CHECK(r.code == 0);
  CHECK(r.out.find("packs/dining/en/themes.tsv:2: 'late' overrides") != std::string::npos);
  const fs::path wrong = scratch() / "wrong-example";
  fs::remove_all(wrong);
  fs::copy(data("lexicons-mini"), wrong, fs::copy_options::recursive);
  std::ofstream(wrong / "it" / "theme_examples.tsv", std::ios::app)
      << "delivery\t+\tIl pacco non è mai arrivato\n";
  r = run_cli("lexicon check " + wrong.string());
  CHECK(r.code == 1);
  CHECK(r.err.find("it/theme_examples.tsv:4: \"Il pacco non è mai arrivato\" should be tagged "
                   "delivery (got: none)") != std::string::npos);
}

TEST_CASE("analyze --extra-lexicon: a user's brand name carries their valence") {
  const fs::path extra = scratch() / "brands.tsv";
  std::ofstream(extra) << "# our brand\nbottegaverde\t2.5\n";
  const fs::path input = scratch() / "brand.txt";
  std::ofstream(input) << "bottegaverde\n";
  Result r = run_cli("analyze " + input.string() + " --lang it --out -");
  CHECK(json_lines(r.out).at(0)["sentiment"]["label"] == "neutral");
  r = run_cli("analyze " + input.string() + " --lang it --out - --extra-lexicon " + extra.string());
  CHECK(json_lines(r.out).at(0)["sentiment"]["label"] == "positive");
}

TEST_CASE("analyze --extra-lexicon: a product name mapped to a theme is stored under it") {
  const fs::path extra = scratch() / "products.tsv";
  std::ofstream(extra) << "Fibre Max 500\ttheme:product.performance\n";
  const fs::path input = scratch() / "product.csv";
  std::ofstream(input) << "comment\nThe Fibre Max 500 keeps dropping out\n"
                          "La Fibre Max 500 si disconnette ogni sera\n";
  const std::string db = fresh_db("products.db");
  const Result r =
      run_cli("analyze " + input.string() + " --extra-lexicon " + extra.string() + " --db " + db);
  CHECK(r.code == 0);
  CHECK(q(db,
          "SELECT count(*) FROM mentions WHERE theme = 'product.performance' AND "
          "text = 'Fibre Max 500'") == 2);
}

TEST_CASE("analyze --pack: a domain pack's themes are stored and its taxonomy is saved") {
  const std::string plain = fresh_db("reviews-plain.db");
  CHECK(run_cli("analyze " + data("restaurant-reviews.csv") + " --db " + plain).code == 0);
  CHECK(q(plain, "SELECT count(*) FROM mentions WHERE theme LIKE 'ambience%'") == 0);
  CHECK(q(plain, "SELECT count(*) FROM themes WHERE id = 'ambience'") == 0);

  const std::string db = fresh_db("reviews-restaurant.db");
  const Result r =
      run_cli("analyze " + data("restaurant-reviews.csv") + " --pack restaurant --db " + db);
  CHECK(r.code == 0);
  CHECK(qs(db, "SELECT label_it FROM themes WHERE id = 'ambience'") == "Atmosfera");
  const auto has = [&](const char* id, const char* top) {
    return q(db, std::string("SELECT count(*) FROM mentions m JOIN responses r ON r.id = "
                             "m.response_id WHERE r.source_id = '") +
                     id + "' AND (m.theme = '" + top + "' OR m.theme LIKE '" + top + ".%')") > 0;
  };
  CHECK(has("R1", "food"));
  CHECK(has("R2", "ambience"));
  CHECK_FALSE(has("R2", "food"));
  CHECK(has("R3", "service"));
  CHECK(has("R3", "price"));
  CHECK(has("R4", "ambience"));
  CHECK(has("R4", "food"));
  CHECK(q(db, "SELECT count(*) FROM mentions WHERE theme LIKE 'service%' AND sentiment < 0") >= 1);
}

TEST_CASE("lexicon check --pack: every shipped pack passes; an unknown one is an error") {
  for (const char* pack : {"restaurant", "hospitality", "telco", "banking", "ecommerce"}) {
    const Result r = run_cli(std::string("lexicon check --pack ") + pack);
    INFO(pack);
    CHECK(r.code == 0);
    CHECK(r.out.find(": ok") != std::string::npos);
  }
  const Result r = run_cli("lexicon check --pack nosuchpack");
  CHECK(r.code == 3);
  CHECK(r.err.find("unknown pack 'nosuchpack'") != std::string::npos);
}

namespace {

// Every row of a table as text, in storage order.
std::string dump_table(const std::string& db, const std::string& sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  SQLite::Statement st(d, sql);
  std::string out;
  while (st.executeStep()) {
    for (int c = 0; c < st.getColumnCount(); ++c) {
      out += st.getColumn(c).isNull() ? std::string("NULL") : st.getColumn(c).getString();
      out += '\t';
    }
    out += '\n';
  }
  return out;
}

}  // namespace

TEST_CASE("analyze --threads: 2 and 4 workers give the bytes and rows of 1 worker") {
  // Small batches so that many are in flight at once; bad rows, an unterminated quote and a
  // missing file so that rejects of every kind interleave with the rows.
  const std::string inputs = examples("survey-it.csv") + " " + examples("survey-en.csv") + " " +
                             data("bad-rows.csv") + " " + examples("survey-mixed.csv") + " " +
                             data("unterminated.csv") + " " + data("no-such-file.csv") + " " +
                             examples("qualtrics-export.csv") + " " + data("feedback.jsonl");
  const char* tables[] = {
      "SELECT * FROM responses ORDER BY id", "SELECT * FROM segments ORDER BY response_id, name",
      "SELECT * FROM mentions ORDER BY id", "SELECT * FROM rejects ORDER BY id",
      "SELECT id, status, rows_read, rows_new, rows_updated, rows_unchanged, rows_rejected, "
      "inputs FROM runs"};
  std::string reference_jsonl, reference_rows[std::size(tables)];
  int reference_code = -1;
  for (const int threads : {1, 2, 4}) {
    CAPTURE(threads);
    const std::string db = fresh_db("threads-" + std::to_string(threads) + ".db");
    const fs::path out = scratch() / ("threads-" + std::to_string(threads) + ".jsonl");
    const Result r = run_cli("analyze " + inputs + " --batch-size 7 --threads " +
                             std::to_string(threads) + " --db " + db + " --out " + out.string());
    CHECK(r.err.find(std::to_string(threads) + (threads == 1 ? " thread," : " threads,")) !=
          std::string::npos);
    const std::string jsonl = slurp(out);
    if (threads == 1) {
      reference_jsonl = jsonl;
      reference_code = r.code;
      for (std::size_t t = 0; t < std::size(tables); ++t)
        reference_rows[t] = dump_table(db, tables[t]);
      CHECK(json_lines(jsonl).size() > 300);
      CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'file'") >= 1);
      CHECK(q(db, "SELECT count(*) FROM rejects WHERE severity = 'row'") >= 1);
      continue;
    }
    CHECK(r.code == reference_code);
    CHECK(jsonl == reference_jsonl);
    for (std::size_t t = 0; t < std::size(tables); ++t) {
      CAPTURE(tables[t]);
      CHECK(dump_table(db, tables[t]) == reference_rows[t]);
    }
  }
}

TEST_CASE("analyze --timings: one line per stage on stderr") {
  const Result r = run_cli("analyze " + examples("survey-it.csv") + " --out - --timings");
  CHECK(r.code == 0);
  for (const char* stage :
       {"read", "tokenize", "language", "sentiment", "themes", "write", "finish"}) {
    CAPTURE(stage);
    CHECK(r.err.find(std::string("timing ") + stage + " ") != std::string::npos);
  }
  CHECK(run_cli("analyze " + examples("survey-it.csv") + " --out -").err.find("timing ") ==
        std::string::npos);
}

TEST_CASE("eval: a theme-labelled sample gives precision and recall per theme") {
  const Result r = run_cli("eval --gold " + data("themes-gold.csv"));
  REQUIRE(r.code == 0);
  CHECK(r.out.find("n=6 comments") != std::string::npos);
  const auto row = [&](const std::string& theme, int gold, int tp) {
    return RE2::PartialMatch(
        r.out, "\\n" + theme + " +" + std::to_string(gold) + " +" + std::to_string(tp) + " ");
  };
  CHECK(row("appointments", 2, 2));
  CHECK(row("performance", 1, 1));
  CHECK(row("setup", 1, 1));
  CHECK(row("delivery", 1, 1));
  CHECK(RE2::PartialMatch(r.out, "\\nall +6 +6 "));
}

TEST_CASE("discover: candidate themes with counts, examples and lines to paste") {
  const std::string db = fresh_db("discover.db");
  REQUIRE(run_cli("analyze " + data("uncovered.csv") + " --db " + db).code == 0);
  const Result r = run_cli("discover --db " + db + " --min-comments 2");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Comments with no theme: 5; 5 of them in 2 candidate themes") !=
        std::string::npos);
  CHECK(r.out.find("[en] \"christmas decorations\": 3 comments") != std::string::npos);
  CHECK(r.out.find("    - Christmas decorations everywhere and no signs") != std::string::npos);
  CHECK(r.out.find("christmas_decorations\t-\tChristmas decorations\tChristmas decorations") !=
        std::string::npos);
  CHECK(r.out.find("lexicons/it/themes.tsv:      decorazioni_natalizie\tdecorazioni natalizie") !=
        std::string::npos);
  CHECK(run_cli("discover --db " + db + " --min-comments 0").code == 2);
  CHECK(run_cli("discover --db " + fresh_db("none.db")).code == 2);
}

TEST_CASE(
    "analyze: --pack auto (the default) applies the pack its vocabulary names, and says why") {
  const fs::path csv = scratch() / "broadband.csv";
  {
    std::ofstream f(csv);
    f << "id,score,comment\n";
    const char* lines[] = {"The broadband keeps dropping and the router lights are red",
                           "Engineer never came to install the fibre broadband",
                           "Internet connection slow every evening, wifi useless",
                           "Still not connected, the router arrived but no broadband",
                           "Great broadband speed since the engineer visit"};
    for (int i = 0; i < 10; ++i) f << i << ",5,\"" << lines[i % 5] << "\"\n";
  }
  const std::string db = fresh_db("auto-pack.db");
  Result r = run_cli("analyze " + csv.string() + " --db " + db);
  CHECK(r.code == 0);
  CHECK(r.err.find("packs: telco (") != std::string::npos);
  CHECK(qs(db, "SELECT json_extract(options, '$.packs[0]') FROM runs") == "telco");
  CHECK(q(db, "SELECT json_extract(options, '$.pack_detection.sampled') FROM runs") == 10);
  // The same import again changes nothing; --pack none turns detection off.
  r = run_cli("analyze " + csv.string() + " --db " + db);
  CHECK(r.err.find("(0 new, 0 updated, 10 unchanged)") != std::string::npos);
  r = run_cli("analyze " + csv.string() + " --pack none --out -");
  CHECK(r.code == 0);
  CHECK(r.err.find("packs: telco") == std::string::npos);
}

TEST_CASE(
    "analyze: out-of-range numbers, impossible dates and unknown encodings are usage errors") {
  const std::string csv = examples("survey-it.csv");
  for (const char* bad : {"--threads -1", "--threads 100000", "--batch-size -1", "--batch-size 0",
                          "--encoding klingon-8"}) {
    CAPTURE(bad);
    const Result r = run_cli("analyze " + csv + " --out /dev/null " + bad);
    CHECK(r.code == 2);
    CHECK(r.err.find(std::string(bad).substr(0, std::string(bad).find(' '))) != std::string::npos);
  }
  const std::string db = fresh_db("usage.db");
  CHECK(run_cli("analyze " + csv + " --db " + db).code == 0);
  for (const char* bad : {"--since 2026-99-99", "--until 14/03/2026"}) {
    CAPTURE(bad);
    CHECK(run_cli("report --db " + db + " " + bad).code == 2);
  }
}

TEST_CASE("analyze: a failed write, or an output that is an input or the database, exits 4") {
  const std::string csv = examples("survey-it.csv");
  Result r = run_cli("analyze " + csv + " --out /dev/full");
  CHECK(r.code == 4);
  CHECK(r.err.find("/dev/full") != std::string::npos);
  const fs::path victim = scratch() / "victim.csv";
  fs::copy_file(csv, victim, fs::copy_options::overwrite_existing);
  const auto size = fs::file_size(victim);
  r = run_cli("analyze " + victim.string() + " --out " + (scratch() / "." / "victim.csv").string());
  CHECK(r.code == 4);
  CHECK(r.err.find("same file as the input") != std::string::npos);
  CHECK(fs::file_size(victim) == size);
  r = run_cli("analyze " + victim.string() + " --db " + victim.string());
  CHECK(r.code == 4);
  CHECK(fs::file_size(victim) == size);
  const std::string db = fresh_db("victim.db");
  CHECK(run_cli("analyze " + csv + " --db " + db).code == 0);
  r = run_cli("analyze " + csv + " --db " + db + " --out " + db);
  CHECK(r.code == 4);
  CHECK(q(db, "SELECT count(*) FROM responses") > 0);
}

TEST_CASE("analyze and report: a file that is not an Ascolto database exits 3") {
  const fs::path text = scratch() / "notes.db";
  std::ofstream(text) << "these are notes, not a database\n";
  Result r = run_cli("report --db " + text.string());
  CHECK(r.code == 3);
  CHECK(r.err.find("not an Ascolto database") != std::string::npos);
  r = run_cli("analyze " + examples("survey-it.csv") + " --db " + text.string());
  CHECK(r.code == 3);
  CHECK(r.err.find(text.string()) != std::string::npos);
  const std::string empty = fresh_db("empty.db");
  std::ofstream(empty).flush();
  CHECK(run_cli("report --db " + empty).code == 3);
}

TEST_CASE("analyze: a comment dump on standard input keeps its first line") {
  const fs::path dump = scratch() / "dump";
  std::ofstream(dump) << "Servizio ottimo, grazie!\nTerrible support, never again.\n"
                         "Consegna in ritardo\n";
  const Result r = run_cli("analyze - --out - <" + dump.string());
  CHECK(r.code == 0);
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["lang"] == "it");
  CHECK(lines[1]["lang"] == "en");
  CHECK(lines[0]["sentiment"]["label"] == "positive");
}

TEST_CASE("analyze: one comment piped alone is a comment, not the header of an empty table") {
  for (const char* one : {"The router keeps dropping\n", "Router keeps dropping, nobody answers\n",
                          "Ottimo servizio"}) {
    CAPTURE(one);
    const fs::path dump = scratch() / "one-line";
    std::ofstream(dump, std::ios::trunc) << one;
    const Result r = run_cli("analyze - --out - <" + dump.string());
    CHECK(r.code == 0);
    CHECK(json_lines(r.out).size() == 1);
  }
  // A header alone is still a header: nothing to analyze, and said so.
  const fs::path header = scratch() / "header-only";
  std::ofstream(header) << "id,score,comment\n";
  const Result r = run_cli("analyze - --out - <" + header.string());
  CHECK(json_lines(r.out).empty());
  CHECK(r.err.find("0 rows read") != std::string::npos);
}

TEST_CASE("analyze: personal data in ids becomes a keyed pseudonym, the same on every run") {
  const fs::path csv = scratch() / "pii-ids.csv";
  std::ofstream(csv) << "id,customer_id,score,comment\n"
                        "mario.rossi@example.com,3331234567,3,Consegna in ritardo\n"
                        "R-000123,000123456789012345,9,Tutto perfetto\n";
  const std::string db = fresh_db("pii-ids.db");
  Result r = run_cli("analyze " + csv.string() + " --db " + db);
  CHECK(r.code == 0);
  const std::string id = qs(db, "SELECT source_id FROM responses WHERE text LIKE 'Consegna%'");
  CHECK(RE2::FullMatch(id, R"(\[EMAIL:[0-9a-f]{16}\])"));
  CHECK(RE2::FullMatch(qs(db, "SELECT respondent_id FROM responses WHERE text LIKE 'Consegna%'"),
                       R"(\[PHONE:[0-9a-f]{16}\])"));
  // Ids without personal data, and long numbers that only look like cards, stay as they are.
  CHECK(qs(db, "SELECT source_id FROM responses WHERE text LIKE 'Tutto%'") == "R-000123");
  CHECK(qs(db, "SELECT respondent_id FROM responses WHERE text LIKE 'Tutto%'") ==
        "000123456789012345");
  CHECK(q(db, "SELECT length(value) FROM settings WHERE name = 'pseudonym_key'") == 64);
  r = run_cli("analyze " + csv.string() + " --db " + db);
  CHECK(r.err.find("(0 new, 0 updated, 2 unchanged)") != std::string::npos);
  CHECK(qs(db, "SELECT source_id FROM responses WHERE text LIKE 'Consegna%'") == id);
  const std::string other = fresh_db("pii-ids-2.db");
  CHECK(run_cli("analyze " + csv.string() + " --db " + other).code == 0);
  CHECK(qs(other, "SELECT source_id FROM responses WHERE text LIKE 'Consegna%'") != id);
}

#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <chrono>
#include <memory>

#include "helpers.h"
#include "text/html_entities.h"
#include "text/language.h"
#include "text/lost_characters.h"
#include "text/normalizer.h"
#include "text/tokenizer.h"
#include "text/utf8.h"
#include "text/word_filter.h"

using namespace ascolto;

namespace {

Lang detect_language(const LanguageDetector& detector, const std::string& text) {
  static Tokenizer tok;
  TokenizedText t;
  tok.tokenize(text, t);
  return detector.detect(t);
}

std::vector<std::string> norms(const std::string& text) {
  Tokenizer tok;
  TokenizedText t;
  tok.tokenize(text, t);
  std::vector<std::string> out;
  for (const Token& k : t.tokens) out.push_back(k.norm);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("normalizer: NFKC case folding, apostrophes, repeats") {
  CHECK(fold("PERCHÉ") == "perché");
  CHECK(fold("Stra\xC3\x9F"
             "e") == "strasse");
  CHECK(fold("l\xE2\x80\x99ordine") == "l'ordine");
  CHECK(fold("ﬁne") == "fine");
  // Already folded non-ASCII text, with and without apostrophes to unify, and ill-formed bytes.
  CHECK(fold("perché più") == "perché più");
  CHECK(fold("dell\xE2\x80\x98ò\xCA\xBC`") == "dell'ò''");
  CHECK(fold("caf\xC3") == "caf\xEF\xBF\xBD");
  CHECK(fold("à\xFF") == "à\xEF\xBF\xBD");
  CHECK(collapse_repeats("bellooooo", 1) == "bello");
  CHECK(collapse_repeats("coool", 2) == "cool");
  CHECK(has_elongation("nooo"));
  CHECK_FALSE(has_elongation("caffè"));
  CHECK(strip_emoji_modifiers("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD") ==
        "\xF0\x9F\x91\x8D");  // 👍🏽 -> 👍
}

TEST_CASE("tokenizer: Italian elision is split, in both apostrophe styles") {
  CHECK(norms("L'assistenza dell’ordine un'ora") ==
        V{"l'", "assistenza", "dell'", "ordine", "un'", "ora"});
  CHECK(norms("c'è l' attesa") == V{"c'", "è", "l'", "attesa"});
}

TEST_CASE("tokenizer: English contractions are split and normalized") {
  CHECK(norms("I don't, can't, won't") ==
        V{"i", "do", "not", ",", "can", "not", ",", "will", "not"});
  CHECK(norms("it's they're I'm") == V{"it", "'s", "they", "are", "i", "am"});
}

TEST_CASE("tokenizer: accents typed as apostrophes") {
  CHECK(norms("perche' e' un po' caro") == V{"perché", "è", "un", "po'", "caro"});
}

TEST_CASE("tokenizer: emoji and emoticons are tokens; times and URLs are not emoticons") {
  Tokenizer tok;
  TokenizedText t;
  tok.tokenize("Pessimo 😡😡 :( ottimo:) xD alle 10:30 su http://x.it", t);
  std::vector<std::pair<std::string, TokenKind>> got;
  for (const Token& k : t.tokens) {
    if (k.kind == TokenKind::Emoji || k.kind == TokenKind::Emoticon)
      got.emplace_back(k.norm, k.kind);
  }
  REQUIRE(got.size() == 5);
  CHECK(got[0].first == "😡");
  CHECK(got[1].second == TokenKind::Emoji);
  CHECK(got[2].first == ":(");
  CHECK(got[3].first == ":)");
  CHECK(got[4].first == "xd");
  CHECK(got[4].second == TokenKind::Emoticon);
}

TEST_CASE("tokenizer: emoticons read right to left stand after a space") {
  Tokenizer tok;
  TokenizedText t;
  tok.tokenize("ok (: so sad ): oh no D: D: (see below): vitamin D: great, plan D: Done", t);
  std::vector<std::string> got;
  for (const Token& k : t.tokens) {
    if (k.kind == TokenKind::Emoticon) got.push_back(k.norm);
  }
  // "below):" is glued to a word; "D:" before a lower-case word is a label.
  CHECK(got == std::vector<std::string>{"(:", "):", "d:", "d:", "d:"});
}

TEST_CASE("tokenizer: offsets point into the original text; caps and elongation flagged") {
  Tokenizer tok;
  TokenizedText t;
  const std::string text = "Servizio PESSIMO, bellissimoooo!";
  tok.tokenize(text, t);
  REQUIRE(t.tokens.size() == 5);
  CHECK(text.substr(t.tokens[1].start, t.tokens[1].end - t.tokens[1].start) == "PESSIMO");
  CHECK(t.tokens[1].all_caps);
  CHECK_FALSE(t.tokens[0].all_caps);
  CHECK(t.tokens[3].elongated);
  CHECK(t.tokens[3].space_before);
  CHECK_FALSE(t.tokens[4].space_before);
  CHECK(is_clause_boundary(t.tokens[2]));
}

TEST_CASE("tokenizer: ASCII and non-ASCII words get the same folding and flags") {
  // ASCII words take a one-pass path; the rest go through fold() and ICU case properties.
  Tokenizer tok;
  TokenizedText t;
  for (const std::string word : {"OK", "Ok", "A", "NOOO", "NoOo", "nooO", "baaad", "aaA", "X11",
                                 "Caffe", "CAFFÈ", "Caffè", "PERCHÉÉÉ", "città", "ÀÀ"}) {
    CAPTURE(word);
    tok.tokenize(word, t);
    REQUIRE(t.tokens.size() == 1);
    CHECK(t.tokens[0].norm == fold(word));
    CHECK(t.tokens[0].elongated == has_elongation(word));
  }
  const auto caps = [&](const std::string& s) {
    tok.tokenize(s, t);
    return t.tokens.at(0).all_caps;
  };
  CHECK(caps("OK"));
  CHECK(caps("CAFFÈ"));
  CHECK(caps("ÀÀ"));
  CHECK(caps("X11X"));
  CHECK_FALSE(caps("A"));
  CHECK_FALSE(caps("OKk"));
  CHECK_FALSE(caps("CAFFè"));
}

TEST_CASE("tokenizer: byte offsets across multi-byte, supplementary and ill-formed UTF-8") {
  // ICU runs on a UTF-16 copy of the text: every boundary must map back to a UTF-8 offset.
  Tokenizer tok;
  TokenizedText t;
  const std::string text =
      "Città \xF0\x9F\x98\xA1 ok \xF0\x9D\x90\x80"
      "bc \xFF\xFE fine. Più \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD sì";
  tok.tokenize(text, t);
  std::vector<std::string> pieces;
  for (const Token& k : t.tokens) pieces.push_back(text.substr(k.start, k.end - k.start));
  CHECK(pieces == V{"Città", "\xF0\x9F\x98\xA1", "ok",
                    "\xF0\x9D\x90\x80"
                    "bc",
                    "\xFF", "\xFE", "fine", ".", "Più", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "sì"});
  CHECK(t.tokens[3].norm == "abc");
  REQUIRE(t.sentences.size() == 2);
  CHECK(text.substr(t.sentences[1].start) == "Più \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD sì");
}

TEST_CASE("tokenizer: sentences with their token ranges") {
  Tokenizer tok;
  TokenizedText t;
  tok.tokenize("Cibo ottimo. Servizio lento! E il conto?", t);
  REQUIRE(t.sentences.size() == 3);
  CHECK(t.sentences[1].first_token == 3);
  CHECK(t.sentences[1].end_token == 6);
  CHECK(t.sentences[2].end_token == t.tokens.size());
}

TEST_CASE("tokenizer: sentence bounds are ICU's, also where its sentence iterator is skipped") {
  // A comment with no character that can end a sentence skips the iterator; the bounds must be
  // the ones ICU gives, with and without such characters (ASCII, CJK, Arabic, separators).
  const auto icu_bounds = [](const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(ut, status);
    REQUIRE(U_SUCCESS(status));
    std::vector<std::uint32_t> bounds;
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next())
      bounds.push_back(static_cast<std::uint32_t>(b));
    utext_close(ut);
    return bounds;
  };
  Tokenizer tok;
  TokenizedText t;
  for (const std::string text :
       {"servizio ottimo e personale gentile", "Servizio ottimo, personale gentile",
        "ottimo servizio. personale gentile", "great service\nfriendly staff", "ottimo\r\npessimo",
        "buono! ottimo? sì", "很好。非常好", "جيد؟ نعم", "uno\u2029due", "caffè più buono… davvero",
        "3.5 stelle", "no terminators here 👍"}) {
    CAPTURE(text);
    tok.tokenize(text, t);
    const std::vector<std::uint32_t> bounds = icu_bounds(text);
    REQUIRE(t.sentences.size() == bounds.size() - 1);  // every sentence here has a token
    for (std::size_t i = 0; i < t.sentences.size(); ++i) {
      CHECK(t.sentences[i].start == bounds[i]);
      CHECK(t.sentences[i].end == bounds[i + 1]);
    }
  }
}

TEST_CASE("language: Italian, English, undetermined") {
  const auto detect = [](const std::string& s) {
    return detect_language(testing::shipped().detector, s);
  };
  CHECK(detect("Il pacco è arrivato in ritardo e l'assistenza non risponde") == Lang::It);
  CHECK(detect("The parcel was late and nobody answered the phone") == Lang::En);
  CHECK(detect("Ottimo!") == Lang::It);
  CHECK(detect("Terrible experience") == Lang::En);
  CHECK(detect("👍👍") == Lang::Und);
  CHECK(detect("12345") == Lang::Und);
}

TEST_CASE("language: a word of both vocabularies counts for both; accented endings for Italian") {
  const LanguageDetector d({{"casa", 1.0f}, {"no", 0.5f}}, {{"no", 1.0f}, {"home", 1.0f}});
  const auto detect = [&](const std::string& s) { return detect_language(d, s); };
  CHECK(detect("no") == Lang::En);
  CHECK(detect("no casa") == Lang::It);
  CHECK(detect("home città") == Lang::En);
  CHECK(detect("home città più") == Lang::Und);
  CHECK(detect("home città più perché") == Lang::It);
  CHECK(detect("home l'albergo l'ora") == Lang::Und);
}

TEST_CASE("word filter: holds every word added and turns most others away") {
  WordFilter f;
  const std::vector<std::string> words = {"",   "a",   "ok",     "non",
                                          "l'", "più", "ottimo", "assistenza"};
  for (const auto& w : words) f.add(w);
  for (const auto& w : words) CHECK(f.may_contain(w));
  int let_through = 0;
  for (int i = 0; i < 1000; ++i) let_through += f.may_contain("word" + std::to_string(i));
  CHECK(let_through < 10);
}

TEST_CASE("html entities: named, numeric and twice-escaped ones are decoded, the rest kept") {
  CHECK(decode_html_entities("Fast &amp; friendly &lt;3") == "Fast & friendly <3");
  CHECK(decode_html_entities("&quot;ok&quot; &#39;si&#39; &apos;x&apos;") == "\"ok\" 'si' 'x'");
  CHECK(decode_html_entities("caff&#232; &#x1F600;") == "caffè \xF0\x9F\x98\x80");
  CHECK(decode_html_entities("being replaced &amp;#38; soon") == "being replaced & soon");
  CHECK(decode_html_entities("&amp;lt;3") == "<3");
  // Not entities: left exactly as written.
  CHECK(decode_html_entities("AT&T, R&D; 5 & 6") == "AT&T, R&D; 5 & 6");
  CHECK(decode_html_entities("&#0; &#xD800; &#99999999; &unknown;") ==
        "&#0; &#xD800; &#99999999; &unknown;");
  CHECK(decode_html_entities("trailing &") == "trailing &");
}

TEST_CASE("html entities: a decoded heart is an emoticon and '&' no longer splits a clause") {
  CHECK(norms(decode_html_entities("love it &lt;3")) ==
        std::vector<std::string>{"love", "it", "<3"});
  CHECK(norms(decode_html_entities("A&amp;B")).size() == norms("A&B").size());
}

TEST_CASE("utf8: code points counted and located in bytes") {
  CHECK(code_point_count("perché 😀") == 8);
  CHECK(code_point_offset("perché!", 6) == 7);
  CHECK(code_point_offset("perché!", 5) == 5);
  CHECK(code_point_offset("abc", 9) == 3);  // past the end: the text's size
}

TEST_CASE("fold keeps at most 30 combining marks in a row (linear time on stacked accents)") {
  const auto marks = [](int n) {
    std::string s = "a";
    for (int i = 0; i < n; ++i) s += "\u0301\u0316\u0334";
    return s;
  };
  // 90 marks fold like the first 30 of them; each run is capped, the rest of the text kept.
  CHECK(fold(marks(30)) == fold(marks(10)));
  CHECK(fold(marks(10)) != fold(marks(9)));
  CHECK(fold(marks(30) + "b" + marks(40)) == fold(marks(10) + "b" + marks(10)));
  const std::string huge = marks(100000);  // 600 KB: minutes of ICU reordering before the cap
  const auto start = std::chrono::steady_clock::now();
  CHECK(fold(huge) == fold(marks(10)));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("tokenizer: an ellipsis character ends a clause (it folds to '...')") {
  Tokenizer tok;
  TokenizedText t;
  tok.tokenize("arrivato danneggiato\u2026 sostituito", t);
  REQUIRE(t.tokens.size() == 4);
  CHECK(t.tokens[2].kind == TokenKind::Punct);
  CHECK(is_clause_boundary(t.tokens[2]));
}

TEST_CASE("lost characters: U+FFFD between letters is an apostrophe, before digits a currency") {
  std::string out;
  CHECK(repair_lost_characters("I can\uFFFDt call", out));
  CHECK(out == "I can\u2019t call");
  CHECK(repair_lost_characters("l\uFFFDordine, dell\uFFFDoperatore", out));
  CHECK(out == "l\u2019ordine, dell\u2019operatore");
  CHECK(repair_lost_characters("a bill of \uFFFD90 (\uFFFD5 more)", out));
  CHECK(out == "a bill of \u20AC90 (\u20AC5 more)");
  // Same byte length: every offset holds.
  CHECK(out.size() == std::string("a bill of \uFFFD90 (\uFFFD5 more)").size());
  // Anything else stays as it is: a lost final accent, a lone one, one glued to a number.
  out = "untouched";
  CHECK_FALSE(repair_lost_characters("perch\uFFFD no? pi\uFFFD bello", out));
  CHECK_FALSE(repair_lost_characters("\uFFFD \uFFFD\uFFFD", out));
  CHECK_FALSE(repair_lost_characters("A1\uFFFD2", out));
  CHECK_FALSE(repair_lost_characters("plain text", out));
  CHECK(out == "untouched");
  // The tokenizer then reads the contraction and the elision.
  Tokenizer tok;
  TokenizedText t;
  std::string repaired;
  REQUIRE(repair_lost_characters("I don\uFFFDt like l\uFFFDofferta", repaired));
  tok.tokenize(repaired, t);
  std::vector<std::string> norms;
  for (const Token& k : t.tokens) norms.push_back(k.norm);
  CHECK(norms == std::vector<std::string>{"i", "do", "not", "like", "l'", "offerta"});
}

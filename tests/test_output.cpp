// The JSON line writer against a reference built the straightforward way (an nlohmann
// ordered_json tree per comment): the bytes must be identical on every kind of string and number.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "import/json_output.h"
#include "nps/nps.h"

namespace ascolto {
namespace {

double round4(double v) {
  return std::round(v * 10000.0) / 10000.0;
}

std::string reference_line(const AnalysedRow& r) {
  using json = nlohmann::ordered_json;
  json o;
  o["id"] = r.row.display_id();
  o["lang"] = lang_code(r.analysis.lang);
  json nps = json::object();
  if (r.row.score) {
    nps["score"] = *r.row.score;
    nps["band"] = band_name(band_of(*r.row.score));
  } else {
    nps["score"] = nullptr;
    nps["band"] = nullptr;
  }
  o["nps"] = std::move(nps);
  o["sentiment"] = {{"score", round4(r.analysis.score)}, {"label", label_name(r.analysis.label)}};
  json themes = json::array();
  for (const Mention& m : r.analysis.mentions) {
    themes.push_back({{"theme", m.theme},
                      {"text", m.text},
                      {"sentence", m.sentence},
                      {"start", m.start},
                      {"end", m.end},
                      {"sentiment", round4(m.sentiment)},
                      {"intent", intent_name(m.intent)}});
  }
  o["themes"] = std::move(themes);
  const Signals& sig = r.analysis.signals;
  const char* rec = recommendation_name(sig.recommendation);
  o["signals"] = {{"churn_intent", sig.churn_intent},
                  {"repeat_contact", sig.repeat_contact},
                  {"recommendation", rec ? json(rec) : json(nullptr)}};
  return o.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string written(const AnalysedRow& r) {
  std::string out;
  append_json_line(r, out);
  return out;
}

AnalysedRow row_with(const std::string& id, const std::string& mention_text) {
  AnalysedRow r;
  r.row.id = id;
  r.row.row_number = 7;
  r.row.score = 4;
  r.analysis.lang = Lang::It;
  r.analysis.score = -0.62;
  r.analysis.label = SentimentLabel::Negative;
  Mention m;
  m.theme = "delivery.delay";
  m.text = mention_text;
  m.sentence = 1;
  m.start = 24;
  m.end = 34;
  m.sentiment = -0.5;
  m.intent = Intent::Complaint;
  r.analysis.mentions.push_back(m);
  return r;
}

}  // namespace

TEST_CASE("json line: tricky strings are escaped exactly as nlohmann-json does") {
  const std::vector<std::string> strings = {
      "plain",
      "quote \" and backslash \\ and slash /",
      std::string("controls \x01\x02\x1f\t\n\r\b\f and NUL ") + '\0' + " end",
      "DEL \x7f",
      "accents è à ù, emoji 😡👍, CJK 日本",
      "invalid \xff byte",
      "truncated \xC3",
      "overlong \xC0\xAF",
      "",
      "printable ASCII ~!#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}",
  };
  for (const std::string& s : strings) {
    CAPTURE(s);
    const AnalysedRow r = row_with(s, s);
    CHECK(written(r) == reference_line(r));
  }
}

TEST_CASE("json line: every single byte, alone and inside ASCII text, as nlohmann-json writes it") {
  for (int b = 0; b < 256; ++b) {
    CAPTURE(b);
    const std::string one(1, static_cast<char>(b));
    const AnalysedRow alone = row_with(one, one);
    CHECK(written(alone) == reference_line(alone));
    const AnalysedRow inside = row_with("id" + one + "x", "text " + one + " more");
    CHECK(written(inside) == reference_line(inside));
  }
}

TEST_CASE("json line: every score the analysis can produce is formatted as nlohmann does") {
  AnalysedRow r = row_with("n", "x");
  r.analysis.mentions.push_back(r.analysis.mentions.front());
  for (int k = -10000; k <= 10000; ++k) {
    r.analysis.score = k / 10000.0;
    r.analysis.mentions[0].sentiment = (k + 0.37) / 10000.0;  // rounded on the way out
    r.analysis.mentions[1].sentiment = -k / 10000.0;
    REQUIRE(written(r) == reference_line(r));
  }
}

TEST_CASE("json line: missing score and id, no themes, every signal and label") {
  AnalysedRow r;
  r.row.row_number = 12;
  r.analysis.lang = Lang::Und;
  CHECK(written(r) == reference_line(r));
  CHECK(written(r).starts_with("{\"id\":\"12\",\"lang\":\"und\",\"nps\":{\"score\":null"));
  for (const auto rec :
       {Recommendation::None, Recommendation::Recommends, Recommendation::Refuses}) {
    for (const auto label : {SentimentLabel::Positive, SentimentLabel::Negative,
                             SentimentLabel::Neutral, SentimentLabel::Mixed}) {
      for (int score = 0; score <= 10; ++score) {
        r.row.score = score;
        r.analysis.label = label;
        r.analysis.signals = {score % 2 == 0, score % 3 == 0, rec};
        CHECK(written(r) == reference_line(r));
      }
    }
  }
}

TEST_CASE("json line: appends one line to what the buffer holds") {
  const AnalysedRow r = row_with("a", "b");
  std::string buf = "previous\n";
  append_json_line(r, buf);
  append_json_line(r, buf);
  CHECK(buf == "previous\n" + reference_line(r) + reference_line(r));
}

TEST_CASE("json output: --out-fields all adds the input as stored and unrounded sentiments") {
  using json = nlohmann::json;
  AnalysedRow r = row_with("r-17", "in ritardo \"sempre\"");
  r.analysis.score = -0.123456789;
  r.analysis.sentences = 2;
  r.row.file = "export.csv";
  r.row.line = 12;
  r.row.source_key = "id:r-17";
  r.row.content_hash = "abc";
  r.row.text = "Consegna in ritardo \"sempre\"\n[EMAIL]";
  r.row.date = "2026-03-01";
  r.row.segments = {{"store", "Milano"}, {"canale", "app"}};
  r.row.issues.push_back({3, "score", "score 'x' is not a number"});
  const std::string analysis_only = written(r);
  std::string all;
  append_json_line(r, all, JsonFields::All);
  // The analysis fields first, as the default line has them but the scores.
  const json a = json::parse(all), d = json::parse(analysis_only);
  CHECK(d["sentiment"]["score"] == -0.1235);
  CHECK(a["sentiment"]["score"].get<double>() == -0.123456789);
  CHECK(a["id"] == d["id"]);
  CHECK(a["themes"].size() == d["themes"].size());
  CHECK(a["source"] == json{{"key", "id:r-17"},
                            {"id", "r-17"},
                            {"file", "export.csv"},
                            {"line", 12},
                            {"row", 7},
                            {"input_hash", "abc"}});
  CHECK(a["text"] == r.row.text);
  CHECK(a["date"] == "2026-03-01");
  CHECK(a["segments"] == json::parse(R"([["store","Milano"],["canale","app"]])"));
  CHECK(a["sentences"] == 2);
  CHECK(a["issues"][0]["column"] == 3);
  CHECK(a["issues"][0]["field"] == "score");
  CHECK(all.back() == '\n');
  CHECK(std::count(all.begin(), all.end(), '\n') == 1);
  // No id: null, not the row number the "id" field shows.
  r.row.id.clear();
  all.clear();
  append_json_line(r, all, JsonFields::All);
  CHECK(json::parse(all)["source"]["id"].is_null());
  CHECK(json::parse(all)["id"] == "7");
}

}  // namespace ascolto

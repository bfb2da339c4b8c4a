#include "import/json_output.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "nps/nps.h"

namespace ascolto {
namespace {

using json = nlohmann::json;

// Printable ASCII other than '"' and '\\' is written as is by any JSON serializer.
bool needs_no_escaping(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; });
}

// Everything else (escapes, non-ASCII, invalid UTF-8) goes through nlohmann-json. Invalid UTF-8
// never reaches here (the reader rejects it); it is replaced defensively anyway.
void append_string(std::string_view s, std::string& out) {
  if (needs_no_escaping(s)) {
    out += '"';
    out += s;
    out += '"';
    return;
  }
  out += json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

void append_int(std::int64_t v, std::string& out) {
  char buf[24];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

// A score or sentiment in [-1, 1], rounded to 4 decimals and written as nlohmann writes that
// double: its shortest round-trip digits, which for k / 10000 are k's own with the trailing zeros
// dropped, ".0" on integral values and "-0.0" for negative zero. Integer arithmetic only: this
// runs several times per row.
void append_rounded4(double v, std::string& out) {
  const double ticks = std::round(v * 10000.0);
  if (!std::isfinite(ticks) || std::fabs(ticks) > 1e9) {
    out += "null";  // never produced by the analysis; nlohmann writes null for NaN too
    return;
  }
  if (std::signbit(ticks)) out += '-';
  const auto magnitude = static_cast<std::int64_t>(std::fabs(ticks));
  append_int(magnitude / 10000, out);
  out += '.';
  std::int64_t frac = magnitude % 10000;
  if (frac == 0) {
    out += '0';
    return;
  }
  int digits = 4;
  while (frac % 10 == 0) {
    frac /= 10;
    --digits;
  }
  char buf[4] = {'0', '0', '0', '0'};
  for (int i = digits - 1; i >= 0; --i, frac /= 10) buf[i] = static_cast<char>('0' + frac % 10);
  out.append(buf, static_cast<std::size_t>(digits));
}

void append_nullable(const char* s, std::string& out) {
  if (s == nullptr) {
    out += "null";
  } else {
    append_string(s, out);
  }
}

// A sentiment as the store keeps it: every digit needed to read the same double back.
void append_exact(double v, std::string& out) {
  out += json(v).dump();
}

void append_score(double v, JsonFields fields, std::string& out) {
  if (fields == JsonFields::All) {
    append_exact(v, out);
  } else {
    append_rounded4(v, out);
  }
}

// The input fields of JsonFields::All, after "signals".
void append_input_fields(const InputRow& row, const Analysis& a, std::string& out) {
  out += ",\"source\":{\"key\":";
  append_string(row.source_key, out);
  out += ",\"id\":";
  if (row.id.empty()) {
    out += "null";
  } else {
    append_string(row.id, out);
  }
  out += ",\"file\":";
  append_string(row.file, out);
  out += ",\"line\":";
  append_int(static_cast<std::int64_t>(row.line), out);
  out += ",\"row\":";
  append_int(static_cast<std::int64_t>(row.row_number), out);
  out += ",\"input_hash\":";
  append_string(row.content_hash, out);
  out += "},\"text\":";
  append_string(row.text, out);
  out += ",\"date\":";
  if (row.date) {
    append_string(*row.date, out);
  } else {
    out += "null";
  }
  out += ",\"segments\":[";
  for (std::size_t i = 0; i < row.segments.size(); ++i) {
    out += i == 0 ? "[" : ",[";
    append_string(row.segments[i].first, out);
    out += ',';
    append_string(row.segments[i].second, out);
    out += ']';
  }
  out += "],\"sentences\":";
  append_int(a.sentences, out);
  out += ",\"issues\":[";
  for (std::size_t i = 0; i < row.issues.size(); ++i) {
    out += i == 0 ? "{\"column\":" : ",{\"column\":";
    append_int(static_cast<std::int64_t>(row.issues[i].column), out);
    out += ",\"field\":";
    append_string(row.issues[i].field, out);
    out += ",\"reason\":";
    append_string(row.issues[i].reason, out);
    out += '}';
  }
  out += ']';
}

}  // namespace

void append_json_line(const AnalysedRow& r, std::string& out, JsonFields fields) {
  out += "{\"id\":";
  append_string(r.row.display_id(), out);
  if (!r.row.respondent.empty()) {
    out += ",\"respondent\":";
    append_string(r.row.respondent, out);
  }
  out += ",\"lang\":";
  append_string(lang_code(r.analysis.lang), out);
  out += ",\"nps\":{\"score\":";
  if (r.row.score) {
    append_int(*r.row.score, out);
    out += ",\"band\":";
    append_string(band_name(band_of(*r.row.score)), out);
  } else {
    out += "null,\"band\":null";
  }
  out += "},\"sentiment\":{\"score\":";
  append_score(r.analysis.score, fields, out);
  out += ",\"label\":";
  append_string(label_name(r.analysis.label), out);
  out += "},\"themes\":[";
  bool first = true;
  for (const Mention& m : r.analysis.mentions) {
    out += first ? "{\"theme\":" : ",{\"theme\":";
    first = false;
    append_string(m.theme, out);
    out += ",\"text\":";
    append_string(m.text, out);
    out += ",\"sentence\":";
    append_int(m.sentence, out);
    out += ",\"start\":";
    append_int(m.start, out);
    out += ",\"end\":";
    append_int(m.end, out);
    out += ",\"sentiment\":";
    append_score(m.sentiment, fields, out);
    out += ",\"intent\":";
    append_string(intent_name(m.intent), out);
    out += '}';
  }
  const Signals& sig = r.analysis.signals;
  out += "],\"signals\":{\"churn_intent\":";
  out += sig.churn_intent ? "true" : "false";
  out += ",\"repeat_contact\":";
  out += sig.repeat_contact ? "true" : "false";
  out += ",\"recommendation\":";
  append_nullable(recommendation_name(sig.recommendation), out);
  out += '}';
  if (fields == JsonFields::All) append_input_fields(r.row, r.analysis, out);
  out += "}\n";
}

}  // namespace ascolto

#include "cli/json_output.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "nps/nps.h"

namespace ascolto {
namespace {

using json = nlohmann::json;

double round4(double v) {
  return std::round(v * 10000.0) / 10000.0;
}

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

// nlohmann's number format is part of the contract: shortest round trip, in decimal for the
// values written here (4 decimals in [-1, 1]), ".0" on integral values, null if not finite.
// std::to_chars gives the same digits without building a json value per number.
void append_double(double v, std::string& out) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  const std::string_view digits(buf, static_cast<std::size_t>(end - buf));
  out += digits;
  if (digits.find('.') == std::string_view::npos) out += ".0";
}

void append_nullable(const char* s, std::string& out) {
  if (s == nullptr) {
    out += "null";
  } else {
    append_string(s, out);
  }
}

}  // namespace

void append_json_line(const AnalysedRow& r, std::string& out) {
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
  append_double(round4(r.analysis.score), out);
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
    append_double(round4(m.sentiment), out);
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
  out += "}}\n";
}

}  // namespace ascolto

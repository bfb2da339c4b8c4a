#include "io/column_mapping.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "common/error.h"
#include "io/column_profile.h"
#include "nps/nps.h"

namespace ascolto {
namespace {

using cell_text::lower_ascii;
using cell_text::trim;
using cell_text::without_bom;
constexpr std::size_t kNone = ColumnMapping::kNone;

// Names compare the way people write them: case, underscores, a unit or time zone in brackets
// and a closing "?" or ":" do not matter ("LIKELIHOOD_TO_RECOMMEND", "Voto (0-10)",
// "Submit Date (UTC)", "Perché?").
std::string name_key(std::string_view cell) {
  std::string s = lower_ascii(without_bom(cell));
  std::string out;
  int depth = 0;
  for (const char c : s) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      const char k = (c == '_' || c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
      if (k == ' ' && (out.empty() || out.back() == ' ')) continue;
      out += k;
    }
  }
  while (!out.empty() &&
         (out.back() == ' ' || out.back() == '?' || out.back() == ':' || out.back() == '*')) {
    out.pop_back();
  }
  return out;
}

// Duplicate columns are found on the names as written (trimmed, case-insensitive).
std::string exact_key(const std::string& cell) {
  return lower_ascii(trim(without_bom(cell)));
}

constexpr std::array kTextNames = {"comment",
                                   "comments",
                                   "commento",
                                   "commenti",
                                   "feedback",
                                   "testo",
                                   "text",
                                   "verbatim",
                                   "review",
                                   "recensione",
                                   "open answer",
                                   "risposta aperta",
                                   "message",
                                   "messaggio",
                                   "customer comments",
                                   "customer comment",
                                   "commento del cliente",
                                   "commenti del cliente",
                                   "commento cliente",
                                   "osservazioni"};
constexpr std::array kScoreNames = {"nps",       "score",         "nps score",
                                    "punteggio", "punteggio nps", "voto",
                                    "voto nps",  "rating",        "likelihood to recommend",
                                    "recommend", "ltr",           "q1"};
constexpr std::array kDateNames = {"date",
                                   "data",
                                   "timestamp",
                                   "submitted at",
                                   "submitted",
                                   "created at",
                                   "recordeddate",
                                   "enddate",
                                   "data risposta",
                                   "response date",
                                   "submission date",
                                   "date submitted",
                                   "informazioni cronologiche",
                                   "submit date",
                                   "customer response date",
                                   "end date",
                                   "data compilazione",
                                   "data intervista",
                                   "survey date",
                                   "response timestamp",
                                   "data e ora",
                                   "start date",
                                   "startdate"};
constexpr std::array kIdNames = {"id",
                                 "responseid",
                                 "response id",
                                 "risposta",
                                 "id risposta",
                                 "record id",
                                 "ticket",
                                 "#",
                                 "n. risposta",
                                 "n risposta",
                                 "nr. risposta",
                                 "numero risposta",
                                 "response number",
                                 "survey response id",
                                 "submission id",
                                 "entry id",
                                 "ticket id",
                                 "ticket number",
                                 "numero ticket",
                                 "case number",
                                 "case id",
                                 "numero pratica",
                                 "interaction id"};
// The person behind the response: repeats when a customer answers several survey waves.
constexpr std::array kRespondentNames = {"customer id", "customer",   "client id",
                                         "cliente",     "id cliente", "codice cliente",
                                         "account id",  "user id",    "member id"};
// SurveyMonkey's "Respondent ID" is one per response; in CRM exports the same name is the
// customer. The response id when the file has no other, else the respondent.
constexpr std::array kRespondentOrIdNames = {"respondent id", "respondent", "rispondente",
                                             "id rispondente"};
constexpr std::array kSegmentNames = {"store",         "negozio",       "punto vendita",
                                      "channel",       "canale",        "canale di acquisto",
                                      "region",        "regione",       "country",
                                      "paese",         "city",          "città",
                                      "product",       "prodotto",      "plan",
                                      "piano",         "segment",       "segmento",
                                      "category",      "categoria",     "source",
                                      "fonte",         "brand",         "marchio",
                                      "department",    "reparto",       "survey sub type",
                                      "survey type",   "journey stage", "journey",
                                      "touchpoint",    "touch point",   "fase",
                                      "stage",         "area",          "zona",
                                      "filiale",       "branch",        "sede",
                                      "customer type", "tipo cliente",  "customer segment"};

// Person data and survey-tool bookkeeping: never a segment, whatever the values look like.
bool never_a_segment(const std::string& key) {
  static const RE2 personal(
      R"((?:mail|^(?:(?:first|last|full|customer|respondent|contact)\s+)?names?$|^nome(?: e cognome| cliente| completo)?$|cognome|surname|phone|telefon|cellulare|\bmobile\b|^tel\b|address|indirizzo|\bip\b|latitude|longitude|\burl\b|user ?agent|^status$|^progress$|^finished$|duration|userlanguage|distributionchannel|^recipient|externalreference|externaldatareference|collector id|network id|custom data|\bid\b|codice|\bcode\b|^notes?$|token|password))");
  return RE2::PartialMatch(key, personal);
}

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

std::string list_names(const std::vector<std::string>& header, bool quote = true) {
  std::string out;
  for (const auto& h : header) out += (out.empty() ? "" : ", ") + (quote ? quoted(h) : h);
  return out;
}

}  // namespace

void set_date_order(ColumnOptions& options, const std::string& name) {
  if (name != "auto" && name != "dmy" && name != "mdy")
    throw UsageError("--date-order must be auto, dmy or mdy");
  options.date_order_given = name != "auto";
  options.date_order = name == "mdy" ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

ColumnMapping infer_columns(const std::vector<std::string>& header,
                            const std::vector<std::string>& descriptions,
                            const std::vector<RawRecord>& sample, const ColumnOptions& options,
                            const std::string& file) {
  ColumnMapping m;
  m.header = header;
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(name_key(h));
  std::vector<ColumnProfile> profiles;
  for (std::size_t i = 0; i < header.size(); ++i) profiles.push_back(profile_column(sample, i));

  std::vector<bool> used(header.size(), false);
  const auto take = [&](std::size_t i) {
    if (i != kNone) used[i] = true;
    return i;
  };
  const auto find = [&](const std::string& name) -> std::size_t {
    const std::string k = name_key(name);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!used[i] && keys[i] == k) return i;
    }
    // An option names the column as written, even when its key is one we normalise away.
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (!used[i] && exact_key(header[i]) == exact_key(name)) return i;
    }
    return kNone;
  };
  const auto missing = [&](const std::string& what, const char* option) {
    return InputError({file, 1, 0},
                      "column " + what + " (" + option +
                          ") not found; the header has: " + list_names(header, false));
  };
  const auto require = [&](const std::string& name, const char* option) {
    const std::size_t i = find(name);
    if (i == kNone) throw missing("'" + name + "'", option);
    return take(i);
  };
  const auto by_name = [&](const auto& names) {
    for (const char* n : names) {
      if (const std::size_t i = find(n); i != kNone) return i;
    }
    return kNone;
  };
  // Question texts: the column's own header (Google Forms, SurveyMonkey, Typeform write the
  // question as the header), then the description row (Qualtrics' "Q2" has its text there).
  const auto by_text = [&](const RE2& re, const auto& values_fit) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (!used[i] && RE2::PartialMatch(header[i], re) && values_fit(profiles[i])) return i;
    }
    for (std::size_t i = 0; i < descriptions.size() && i < header.size(); ++i) {
      if (!used[i] && RE2::PartialMatch(descriptions[i], re) && values_fit(profiles[i])) return i;
    }
    return kNone;
  };
  static const RE2 text_question(
      R"((?i)\b(?:why|reason|comment|feedback|tell us|improve|perch[eé]|motiv|comment|suggeriment|migliorar|raccontaci|spiegaci))");
  static const RE2 score_question(
      R"((?i)(?:recommend|raccomand|consiglier|likelihood|probabilit[aà] che))");
  // A 0-10 scale without the recommend question: the score only when no column asks that.
  static const RE2 scale_question(R"((?i)\b0\s*-\s*10\b)");
  static const RE2 date_word(
      R"((?i)(?:date|\bdata\b|time|giorno|cronologic|quando|\bwhen\b|submitted|inviat))");
  const auto textual = [](const ColumnProfile& p) {
    return p.nonempty == 0 || (p.letters * 2 >= p.nonempty && p.dates < p.nonempty);
  };
  const auto scores = [](const ColumnProfile& p) { return p.nonempty == 0 || p.mostly(p.scores); };

  // The score first when the export carries question texts: Qualtrics' recommend question is
  // not always Q1, and "Perché?" must not take the score's column.
  if (!options.score_col.empty()) {
    m.score = require(options.score_col, "--score-col");
  } else if (!descriptions.empty()) {
    m.score = take(by_text(score_question, scores));
    if (m.score == kNone) m.score = take(by_text(scale_question, scores));
  }
  if (!options.text_col.empty()) {
    m.text = require(options.text_col, "--text-col");
  } else {
    m.text = take(by_name(kTextNames));
    if (m.text == kNone) m.text = take(by_text(text_question, textual));
    if (m.text == kNone) {
      // Long, varied text: the column with the longest values among those written in words.
      double best = 12;
      for (std::size_t i = 0; i < header.size(); ++i) {
        const ColumnProfile& p = profiles[i];
        if (used[i] || p.nonempty == 0 || !textual(p) || p.emails > 0 ||
            p.distinct * 10 < p.nonempty * 6 || p.avg_len() <= best)
          continue;
        best = p.avg_len();
        m.text = i;
      }
      take(m.text);
    }
    if (m.text == kNone && header.size() == 1) m.text = take(0);
  }
  if (m.text == kNone) {
    throw InputError({file, 1, 0},
                     "no comment column found among " + list_names(header) +
                         "; name it with --text-col (recognised names: comment, commento, "
                         "feedback, testo, text, review, or a question such as \"Why?\")");
  }

  m.id = options.id_col.empty() ? take(by_name(kIdNames)) : require(options.id_col, "--id-col");
  if (!options.respondent_col.empty()) {
    if (m.id != kNone && exact_key(header[m.id]) == exact_key(options.respondent_col)) {
      if (!options.id_col.empty()) {
        throw InputError({file, 1, m.id + 1},
                         "--id-col and --respondent-col are the same column '" + header[m.id] +
                             "': the response id must be unique per response, the respondent "
                             "repeats; name the response id with --id-col or leave it out");
      }
      // --respondent-col says the guessed id is a person: the rows get no id.
      m.respondent = m.id;
      m.id = kNone;
    } else {
      m.respondent = require(options.respondent_col, "--respondent-col");
    }
  } else {
    m.respondent = take(by_name(kRespondentNames));
  }
  if (const std::size_t either = by_name(kRespondentOrIdNames); either != kNone) {
    if (m.id == kNone && options.id_col.empty()) {
      m.id = take(either);
    } else if (m.respondent == kNone) {
      m.respondent = take(either);
    }
  }

  // The NPS group (Promoter/Passive/Detractor) before the segments, so it never becomes one.
  for (std::size_t i = 0; i < header.size() && m.nps_group == kNone; ++i) {
    if (!used[i] && profiles[i].nonempty > 0 && profiles[i].mostly(profiles[i].groups))
      m.nps_group = take(i);
  }

  if (m.score == kNone && options.score_col.empty()) {
    m.score = take(by_name(kScoreNames));
    if (m.score == kNone) m.score = take(by_text(score_question, scores));
    if (m.score == kNone) m.score = take(by_text(scale_question, scores));
    if (m.score == kNone) {
      std::vector<std::size_t> candidates;
      for (std::size_t i = 0; i < header.size(); ++i) {
        const ColumnProfile& p = profiles[i];
        if (!used[i] && p.nonempty > 0 && p.mostly(p.scores) && !p.sequential &&
            (p.distinct >= 2 || p.nonempty <= 2) && !never_a_segment(keys[i]))
          candidates.push_back(i);
      }
      if (candidates.size() == 1) {
        m.score = take(candidates[0]);
      } else if (candidates.size() > 1) {
        std::vector<std::string> names;
        for (const std::size_t i : candidates) names.push_back(header[i]);
        m.warnings.push_back("several columns hold 0-10 answers (" + list_names(names) +
                             "): none taken as the score; name it with --score-col");
      }
    }
  }
  if (m.score == kNone && m.warnings.empty()) {
    m.warnings.push_back("no score column found among " + list_names(header) +
                         "; NPS needs one: name it with --score-col");
  }

  const auto dates = [](const ColumnProfile& p) { return p.nonempty > 0 && p.mostly(p.dates); };
  if (!options.date_col.empty()) {
    m.date = require(options.date_col, "--date-col");
  } else {
    m.date = take(by_name(kDateNames));
    if (m.date == kNone) m.date = take(by_text(date_word, dates));
    for (std::size_t i = 0; i < header.size() && m.date == kNone; ++i) {
      if (!used[i] && dates(profiles[i])) m.date = take(i);
    }
    if (m.date == kNone) {
      m.warnings.push_back("no date column found among " + list_names(header) +
                           "; trends need one: name it with --date-col");
    }
  }
  m.date_order = options.date_order;
  if (options.date_order_given) m.date_order_source = "given";
  if (m.date != kNone) {
    const DateOrderEvidence e = infer_date_order(profiles[m.date].values);
    const auto example = [&](DateOrder order) {
      for (const auto& v : profiles[m.date].values) {
        if (infer_date_order({v}).settled() == order) return quoted(v);
      }
      return std::string();
    };
    if (e.contradictory()) {
      m.warnings.push_back("dates in " + quoted(header[m.date]) + " are written both ways (" +
                           example(DateOrder::DayFirst) + " is dd/mm, " +
                           example(DateOrder::MonthFirst) + " is mm/dd): reading " +
                           date_order_name(m.date_order) +
                           ", the others are stored without a date");
    } else if (const auto settled = e.settled(); settled && options.date_order_given) {
      if (*settled != options.date_order) {
        m.warnings.push_back(std::string("--date-order says ") +
                             date_order_name(options.date_order) + " but " +
                             quoted(header[m.date]) + " has " + example(*settled) +
                             ", only valid as " + date_order_name(*settled) +
                             ": check the order (dates that do not fit are stored without one)");
      }
    } else if (settled) {
      m.date_order = *settled;
      m.date_order_source = "values";
    }
    if (!options.date_order_given && e.day_first + e.month_first + e.ambiguous == 0)
      m.date_order_source = "none";  // no d/m/y values: the order plays no part
  }

  if (!options.segment_cols.empty()) {
    for (const std::string& spec : options.segment_cols) {
      const auto eq = spec.find('=');
      if (eq == std::string::npos) {
        const std::size_t i = require(spec, "--segment-col");
        m.segments.push_back({header[i], {i}});
        continue;
      }
      ColumnMapping::Segment seg{trim(spec.substr(0, eq)), {}};
      std::string rest = spec.substr(eq + 1);
      std::size_t start = 0;
      while (start <= rest.size()) {
        const auto comma = std::min(rest.find(',', start), rest.size());
        const std::string name = trim(rest.substr(start, comma - start));
        if (!name.empty()) {
          if (const std::size_t i = find(name); i != kNone) seg.columns.push_back(take(i));
        }
        start = comma + 1;
      }
      if (seg.name.empty()) throw UsageError("--segment-col '" + spec + "': name it before '='");
      if (seg.columns.empty()) throw missing("for segment '" + spec + "'", "--segment-col");
      m.segments.push_back(std::move(seg));
    }
  } else {
    for (const char* n : kSegmentNames) {
      if (const std::size_t i = find(n); i != kNone) m.segments.push_back({header[take(i)], {i}});
    }
    // Few distinct short values repeated over the rows: a store, a channel, a journey stage.
    // Most values repeat; in a short file, some.
    const auto repeats = [](const ColumnProfile& p) {
      return p.distinct * 2 <= p.nonempty || (p.nonempty < 20 && p.distinct < p.nonempty);
    };
    for (std::size_t i = 0; i < header.size(); ++i) {
      const ColumnProfile& p = profiles[i];
      if (used[i] || keys[i].empty() || never_a_segment(keys[i]) || p.nonempty < 2 ||
          p.distinct < 2 || p.distinct > 30 || !repeats(p) || p.dates > 0 || p.emails > 0 ||
          p.numbers == p.nonempty || p.booleans == p.nonempty || p.max_len > 60 || p.avg_len() > 30)
        continue;
      m.segments.push_back({header[take(i)], {i}});
    }
    std::sort(m.segments.begin(), m.segments.end(),
              [](const auto& a, const auto& b) { return a.columns[0] < b.columns[0]; });
  }

  // Two columns with the name of one we use: picking either would be a guess.
  for (std::size_t u = 0; u < header.size(); ++u) {
    if (!used[u]) continue;
    for (std::size_t j = 0; j < header.size(); ++j) {
      if (j != u && exact_key(header[j]) == exact_key(header[u])) {
        const std::size_t first = std::min(u, j), second = std::max(u, j);
        throw InputError({file, 1, second + 1}, "duplicate column name '" + header[u] +
                                                    "' (columns " + std::to_string(first + 1) +
                                                    " and " + std::to_string(second + 1) +
                                                    "); rename one");
      }
    }
  }
  return m;
}

std::string ColumnMapping::describe() const {
  const auto col = [&](std::size_t i) {
    return i == kNone ? std::string("none") : quoted(header[i]);
  };
  std::string out = "comment " + col(text) + ", score " + col(score);
  if (nps_group != kNone) out += " (checked against " + quoted(header[nps_group]) + ")";
  out += ", date " + col(date);
  if (date != kNone && date_order_source != "none") {
    out += std::string(" (") + date_order_name(date_order) +
           (date_order_source == "given"    ? ", as given"
            : date_order_source == "values" ? ", from the values"
                                            : ", the default: no value settles it") +
           ")";
  }
  out += ", id " + col(id) + ", respondent " + col(respondent) + ", segments ";
  if (segments.empty()) out += "none";
  for (std::size_t s = 0; s < segments.size(); ++s) {
    if (s > 0) out += ", ";
    const Segment& seg = segments[s];
    if (seg.columns.size() == 1 && header[seg.columns[0]] == seg.name) {
      out += quoted(seg.name);
      continue;
    }
    out += seg.name + " = ";
    for (std::size_t c = 0; c < seg.columns.size(); ++c)
      out += (c ? " | " : "") + quoted(header[seg.columns[c]]);
  }
  return out;
}

}  // namespace ascolto

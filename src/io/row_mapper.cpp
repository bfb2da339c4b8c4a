#include "io/row_mapper.h"

#include <algorithm>
#include <array>
#include <initializer_list>

#include <re2/re2.h>

#include "common/error.h"
#include "common/hash.h"
#include "io/utf8_source.h"
#include "nps/nps.h"
#include "text/html_entities.h"

namespace ascolto {
namespace {

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// A BOM left in a cell (the header's, or one in mid-file where two exports were concatenated)
// is invisible junk, never data.
std::string without_bom(const std::string& cell) {
  return cell.rfind("\xEF\xBB\xBF", 0) == 0 ? cell.substr(3) : cell;
}

// Header cells are compared trimmed and case-insensitively, with a BOM stripped.
std::string header_key(const std::string& cell) {
  return lower_ascii(trim(without_bom(cell)));
}

constexpr std::array kTextNames = {
    "comment",  "comments", "commento",   "commenti",    "feedback",        "testo",   "text",
    "verbatim", "review",   "recensione", "open_answer", "risposta aperta", "message", "messaggio"};
constexpr std::array kScoreNames = {"nps",       "score",     "nps_score",
                                    "nps score", "punteggio", "punteggio nps",
                                    "voto",      "rating",    "likelihood to recommend",
                                    "recommend", "q1"};
constexpr std::array kDateNames = {
    "date",          "data",          "timestamp",       "submitted_at",
    "submitted",     "created_at",    "recordeddate",    "enddate",
    "data risposta", "response_date", "submission date", "date submitted"};
constexpr std::array kIdNames = {"id",          "responseid", "response_id",
                                 "response id", "risposta",   "id risposta",
                                 "id_risposta", "record_id",  "ticket"};
// The person behind the response: repeats when a customer answers several survey waves.
constexpr std::array kRespondentNames = {
    "customer_id", "customer id", "customer",   "client_id",      "client id",
    "cliente",     "id_cliente",  "id cliente", "codice_cliente", "codice cliente",
    "account_id",  "user_id",     "member_id"};
// SurveyMonkey's "Respondent ID" is one per response; in CRM exports the same name is the
// customer. The response id when the file has no other, else the respondent.
constexpr std::array kRespondentOrIdNames = {"respondent_id", "respondent id",  "respondent",
                                             "rispondente",   "id rispondente", "id_rispondente"};
constexpr std::array kSegmentNames = {
    "store",   "negozio", "punto vendita", "channel",  "canale",    "region",   "regione",
    "country", "paese",   "city",          "città",    "product",   "prodotto", "plan",
    "piano",   "segment", "segmento",      "category", "categoria", "source",   "fonte",
    "brand",   "marchio", "department",    "reparto"};

}  // namespace

RowMapper::RowMapper(const std::vector<std::string>& header, const ColumnOptions& options,
                     std::string file, const std::vector<std::string>& descriptions)
    : header_(header), file_(std::move(file)), date_order_(options.date_order) {
  std::vector<std::string> keys;
  keys.reserve(header_.size());
  for (const auto& h : header_) keys.push_back(header_key(h));

  const auto find = [&](const std::string& name) -> std::size_t {
    const auto it = std::find(keys.begin(), keys.end(), header_key(name));
    return it == keys.end() ? kNone : static_cast<std::size_t>(it - keys.begin());
  };
  const auto require = [&](const std::string& name, const char* option) {
    const std::size_t i = find(name);
    if (i == kNone) {
      std::string have;
      for (const auto& h : header_) have += (have.empty() ? "" : ", ") + h;
      throw InputError({file_, 1, 0}, std::string("column '") + name + "' (" + option +
                                          ") not found; the header has: " + have);
    }
    return i;
  };
  const auto guess = [&](const auto& names) {
    for (const char* n : names) {
      if (const std::size_t i = find(n); i != kNone) return i;
    }
    return kNone;
  };

  // A column whose question text matches, when its name says nothing (Qualtrics "Q2").
  const auto by_question = [&](const RE2& question) {
    for (std::size_t i = 0; i < descriptions.size() && i < header_.size(); ++i) {
      if (RE2::PartialMatch(descriptions[i], question)) return i;
    }
    return kNone;
  };
  static const RE2 text_question(
      R"((?i)\b(?:why|reason|comment|feedback|tell us|improve|perch[eé]|motiv|comment|suggeriment|migliorar))");
  static const RE2 score_question(R"((?i)(?:recommend|raccomand|consiglier|\b0\s*-\s*10\b))");

  text_ = options.text_col.empty() ? guess(kTextNames) : require(options.text_col, "--text-col");
  if (text_ == kNone) text_ = by_question(text_question);
  if (text_ == kNone && header_.size() == 1) text_ = 0;
  if (text_ == kNone) {
    throw InputError({file_, 1, 0},
                     "no comment column found; name it with --text-col (recognised names: "
                     "comment, commento, feedback, testo, text, review)");
  }
  id_ = options.id_col.empty() ? guess(kIdNames) : require(options.id_col, "--id-col");
  respondent_ = options.respondent_col.empty()
                    ? guess(kRespondentNames)
                    : require(options.respondent_col, "--respondent-col");
  if (respondent_ != kNone && respondent_ == id_) {
    if (!options.id_col.empty() && !options.respondent_col.empty()) {
      throw InputError({file_, 1, id_ + 1},
                       "--id-col and --respondent-col are the same column '" + header_[id_] +
                           "': the response id must be unique per response, the respondent "
                           "repeats; name the response id with --id-col or leave it out");
    }
    // The option given wins over the guess: --respondent-col says the column is a person (the
    // rows get no id), --id-col that it is unique per response.
    if (options.respondent_col.empty()) {
      respondent_ = kNone;
    } else {
      id_ = kNone;
    }
  }
  if (const std::size_t either = guess(kRespondentOrIdNames);
      either != kNone && either != id_ && either != respondent_) {
    if (id_ == kNone && options.id_col.empty()) {
      id_ = either;
    } else if (respondent_ == kNone) {
      respondent_ = either;
    }
  }
  score_ =
      options.score_col.empty() ? guess(kScoreNames) : require(options.score_col, "--score-col");
  if (score_ == kNone && options.score_col.empty()) score_ = by_question(score_question);
  date_ = options.date_col.empty() ? guess(kDateNames) : require(options.date_col, "--date-col");
  if (options.segment_cols.empty()) {
    for (const char* n : kSegmentNames) {
      const std::size_t i = find(n);
      if (i != kNone && i != text_ && i != id_ && i != respondent_ && i != score_ && i != date_) {
        segments_.push_back(i);
      }
    }
  } else {
    for (const auto& s : options.segment_cols) segments_.push_back(require(s, "--segment-col"));
  }
  // Two columns with the name of one we use: picking either would be a guess.
  std::vector<std::size_t> used{text_, id_, respondent_, score_, date_};
  used.insert(used.end(), segments_.begin(), segments_.end());
  for (const std::size_t u : used) {
    if (u == kNone) continue;
    const auto other = std::find(keys.begin(), keys.end(), keys[u]);
    const auto again = std::find(std::next(other), keys.end(), keys[u]);
    if (again != keys.end()) {
      throw InputError({file_, 1, static_cast<std::size_t>(again - keys.begin()) + 1},
                       "duplicate column name '" + header_[u] + "' (columns " +
                           std::to_string(other - keys.begin() + 1) + " and " +
                           std::to_string(again - keys.begin() + 1) + "); rename one");
    }
  }
}

std::vector<std::string> RowMapper::segment_columns() const {
  std::vector<std::string> out;
  for (const std::size_t i : segments_) out.push_back(header_[i]);
  return out;
}

std::variant<InputRow, RejectedRow> RowMapper::map(const RawRecord& rec) {
  const auto reject = [&](std::size_t line, std::size_t column, std::string reason) {
    return RejectedRow{file_, line, column, std::move(reason), rec.raw};
  };
  if (rec.error) return reject(rec.error->line, rec.error->column, rec.error->message);
  if (rec.fields.size() != header_.size()) {
    return reject(rec.line, 0,
                  "expected " + std::to_string(header_.size()) +
                      " fields as in the header, found " + std::to_string(rec.fields.size()));
  }
  for (std::size_t i = 0; i < rec.fields.size(); ++i) {
    const std::size_t bad = first_invalid_utf8(rec.fields[i]);
    if (bad != std::string::npos) {
      return reject(rec.line, i + 1,
                    "invalid UTF-8 in column '" + header_[i] + "' at byte " +
                        std::to_string(bad + 1) + "; re-export as UTF-8 or pass --encoding");
    }
    // A NUL byte means binary data or a wrongly detected UTF-16 export, never survey text.
    if (const std::size_t nul = rec.fields[i].find('\0'); nul != std::string::npos) {
      return reject(rec.line, i + 1,
                    "NUL byte in column '" + header_[i] + "' at byte " + std::to_string(nul + 1) +
                        "; expected text (is the file UTF-16? pass --encoding)");
    }
  }

  InputRow row;
  row.file = file_;
  row.line = rec.line;
  row.row_number = rec.row_number;
  row.text = decode_html_entities(without_bom(rec.fields[text_]));
  // An empty comment still carries an NPS answer: the response is kept (and counted in NPS)
  // with the problem recorded, rather than the respondent disappearing from the figures.
  if (trim(row.text).empty()) {
    row.issues.push_back({text_ + 1, header_[text_], "empty comment: nothing to analyze"});
  }
  if (id_ != kNone) row.id = trim(without_bom(rec.fields[id_]));
  if (respondent_ != kNone) row.respondent = trim(without_bom(rec.fields[respondent_]));
  if (score_ != kNone) {
    const ScoreParse s = parse_score(without_bom(rec.fields[score_]));
    row.score = s.value;
    if (!s.error.empty()) row.issues.push_back({score_ + 1, header_[score_], s.error});
  }
  if (date_ != kNone && !trim(rec.fields[date_]).empty()) {
    row.date = parse_date(without_bom(rec.fields[date_]), date_order_);
    if (!row.date) {
      row.issues.push_back(
          {date_ + 1, header_[date_], "date '" + rec.fields[date_] + "' is not a valid date"});
    }
  }
  for (const std::size_t i : rec.truncated) {
    row.issues.push_back({i, header_[i - 1],
                          "field longer than the limit: truncated at a character boundary "
                          "(--max-field-bytes)"});
  }
  for (const std::size_t i : segments_) {
    const std::string v = trim(without_bom(rec.fields[i]));
    if (!v.empty()) row.segments.emplace_back(header_[i], v);
  }

  ContentHasher content;
  for (const auto& f : rec.fields) content.add(f);
  row.content_hash = content.hex();
  if (!row.id.empty()) {
    row.source_key = "id:" + row.id;
  } else {
    ContentHasher key;
    key.add(file_.substr(file_.find_last_of('/') + 1));
    key.add(row.content_hash);
    key.add(std::to_string(seen_content_[content.low64()]++));
    row.source_key = "row:" + key.hex();
  }
  return row;
}

}  // namespace ascolto

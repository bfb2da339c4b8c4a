// Picks the columns Ascolto needs out of a reader's records. Columns are named by options
// (--text-col, --id-col, --respondent-col, --score-col, --date-col, --segment-col) or recognised
// by common names in English and Italian (comment/commento/feedback/testo; nps/score/punteggio/
// voto; date/data/timestamp; id/response_id/risposta; customer_id/cliente/codice_cliente;
// store/negozio, channel/canale, region/regione...). The id is the response's (unique, the
// re-import key); the respondent is the person, who may answer in several periods.
//
//   RowMapper m(reader.header(), options, "survey.csv");
//   auto result = m.map(record);  // InputRow, or RejectedRow with the reason
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "io/dates.h"
#include "io/input_row.h"
#include "io/record.h"

namespace ascolto {

struct ColumnOptions {
  std::string text_col, id_col, respondent_col, score_col, date_col;
  std::vector<std::string> segment_cols;
  DateOrder date_order = DateOrder::DayFirst;
};

class RowMapper {
 public:
  // Throws InputError naming the file when a requested column is missing or no comment column
  // can be found.
  // `descriptions` are question texts per column (Qualtrics), used when no column name is
  // recognised: "How likely are you to recommend..." is the score, "Why...?" the comment.
  RowMapper(const std::vector<std::string>& header, const ColumnOptions& options, std::string file,
            const std::vector<std::string>& descriptions = {});

  // Not const: rows without an id are keyed by content and by how many identical rows came
  // before in this file, so exact duplicates stay distinct and re-imports stay stable.
  std::variant<InputRow, RejectedRow> map(const RawRecord& rec);

  // Names of the resolved columns, for the run summary ("" when absent).
  std::string text_column() const { return name_of(text_); }
  std::string id_column() const { return name_of(id_); }
  std::string respondent_column() const { return name_of(respondent_); }
  std::string score_column() const { return name_of(score_); }
  std::string date_column() const { return name_of(date_); }
  std::vector<std::string> segment_columns() const;

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::string name_of(std::size_t index) const { return index == kNone ? "" : header_[index]; }

  std::vector<std::string> header_;
  std::string file_;
  DateOrder date_order_;
  std::size_t text_ = kNone, id_ = kNone, respondent_ = kNone, score_ = kNone, date_ = kNone;
  std::vector<std::size_t> segments_;
  std::unordered_map<std::uint64_t, std::uint32_t> seen_content_;
};

}  // namespace ascolto

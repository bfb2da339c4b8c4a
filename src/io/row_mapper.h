// Turns a reader's records into InputRows with the columns a ColumnMapping chose (see
// column_mapping.h: options, names in English and Italian, then the values of a sample). The id
// is the response's (unique, the re-import key); the respondent is the person, who may answer in
// several periods. A row whose NPS group (Promoter/Passive/Detractor) disagrees with its score
// keeps the score and records the disagreement as a field problem.
//
//   SampledReader reader(open_reader("survey.csv", {}));
//   RowMapper m(reader, options, "survey.csv");   // m.mapping().describe() for the summary
//   auto result = m.map(record);  // InputRow, or RejectedRow with the reason
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "io/column_mapping.h"
#include "io/dates.h"
#include "io/input_row.h"
#include "io/record.h"

namespace ascolto {

class SampledReader;

class RowMapper {
 public:
  explicit RowMapper(ColumnMapping mapping, std::string file);
  // Maps by the reader's header, question texts and sample. Throws InputError naming the file
  // when a requested column is missing or no comment column can be found.
  RowMapper(const SampledReader& reader, const ColumnOptions& options, std::string file);
  // By names and question texts only (`descriptions`: Qualtrics' question row), no values.
  RowMapper(const std::vector<std::string>& header, const ColumnOptions& options, std::string file,
            const std::vector<std::string>& descriptions = {});

  // Not const: rows without an id are keyed by content and by how many identical rows came
  // before in this file, so exact duplicates stay distinct and re-imports stay stable.
  std::variant<InputRow, RejectedRow> map(const RawRecord& rec);
  // For a part of a file cut by split (io/splitter.h): `copies` rows with the same fields (the
  // low 64 bits of their content hash) came before it in the file, so its own are keyed after
  // them, as in a run on the whole file.
  void count_earlier_copies(std::uint64_t content, std::uint32_t copies) {
    seen_content_[content] = copies;
  }

  const ColumnMapping& mapping() const { return m_; }
  // Names of the resolved columns, for the run summary ("" when absent).
  std::string text_column() const { return m_.name_of(m_.text); }
  std::string id_column() const { return m_.name_of(m_.id); }
  std::string respondent_column() const { return m_.name_of(m_.respondent); }
  std::string score_column() const { return m_.name_of(m_.score); }
  std::string date_column() const { return m_.name_of(m_.date); }
  std::vector<std::string> segment_columns() const;

 private:
  static constexpr std::size_t kNone = ColumnMapping::kNone;

  ColumnMapping m_;
  std::string file_;
  std::unordered_map<std::uint64_t, std::uint32_t> seen_content_;
};

}  // namespace ascolto

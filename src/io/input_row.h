// One survey response as the rest of the pipeline sees it: the columns Ascolto needs, picked
// out of a raw record by the RowMapper, plus the field-level problems found on the way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ascolto {

// A problem with one field of a row that is still stored (e.g. score "dieci" -> NULL).
struct FieldIssue {
  std::size_t column = 0;  // 1-based field index
  std::string field;       // column name
  std::string reason;
};

struct InputRow {
  std::string file;
  std::size_t line = 0;
  std::size_t row_number = 0;
  std::string id;          // id column value; empty when the input has none
  std::string respondent;  // respondent column value (a customer); empty when unknown
  std::string source_key;  // "id:<id>" or "row:<hash>", unique per response across runs
  std::string content_hash;
  std::optional<int> score;
  std::optional<std::string> date;  // ISO 8601
  std::vector<std::pair<std::string, std::string>> segments;
  std::string text;
  std::vector<FieldIssue> issues;
  // For a reject the store decides (a duplicate id): the record as read, the id column's name.
  std::string raw;
  std::string id_column;

  // The id printed in JSON output: the id column, else the data row number.
  std::string display_id() const { return id.empty() ? std::to_string(row_number) : id; }
};

// A record that could not become an InputRow; it is stored in `rejects`, never dropped.
struct RejectedRow {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string reason;
  std::string raw;
};

}  // namespace ascolto

// Which column of an export is the comment, the score, the date, the id, the respondent and the
// segments: found by the options, else by header names in English and Italian and the shapes
// survey tools write (question texts, "Informazioni cronologiche", "Submit Date (UTC)", "#",
// UPPER_SNAKE CRM names, "Voto (0-10)"...), else by the values of a sample of the first rows
// (mostly dates -> date; integers 0-10 -> score; long varied text -> comment; few distinct short
// values -> segment; Promoter/Passive/Detractor -> the NPS group, checked against the score).
// E-mail, name, phone, id and free-text columns are never segments. The date's day/month order
// is settled by the values when they can (a first field above 12 is a day).
//
//   ColumnMapping m = infer_columns(reader.header(), reader.column_descriptions(),
//                                   reader.sample(), options, "survey.csv");
//   std::cerr << m.describe() << "\n";  // comment "Perché?", score "Voto (0-10)", ...
//   for (const auto& w : m.warnings) std::cerr << w << "\n";
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "io/dates.h"
#include "io/record.h"
#include "nps/nps.h"

namespace ascolto {

struct ColumnOptions {
  std::string text_col, id_col, respondent_col, score_col, date_col;
  // "Negozio" takes the column as a segment named after it; "store=Negozio,Store" names the
  // segment "store" and takes its value from whichever of the columns the file has (the first
  // non-empty one when it has several), so exports naming the same thing differently merge.
  std::vector<std::string> segment_cols;
  DateOrder date_order = DateOrder::DayFirst;
  // Whether date_order was given (--date-order); when not, the values decide.
  bool date_order_given = false;
};

// Sets the order from a --date-order value: "auto" (the values decide, else dd/mm), "dmy" or
// "mdy" (given); throws UsageError otherwise.
void set_date_order(ColumnOptions& options, const std::string& name);

struct ColumnMapping {
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct Segment {
    std::string name;                  // the column's name, or the name given to merged columns
    std::vector<std::size_t> columns;  // where its value is read, first non-empty wins
  };
  std::vector<std::string> header;
  std::size_t text = kNone, id = kNone, respondent = kNone, score = kNone, date = kNone;
  std::size_t nps_group = kNone;  // Promoter/Passive/Detractor, checked against the score
  std::vector<Segment> segments;
  DateOrder date_order = DateOrder::DayFirst;
  // How the order was chosen: "given" (--date-order), "values" (the file settles it),
  // "default" (no value settles it: dd/mm).
  std::string date_order_source = "default";
  // No score, no date, contradictory dates, several score candidates: each one sentence that
  // names the columns seen and the option that fixes it.
  std::vector<std::string> warnings;

  std::string name_of(std::size_t column) const { return column == kNone ? "" : header[column]; }
  // One line for the run summary and `inspect`: comment "Perché?", score "Voto (0-10)", date
  // "Data risposta" (dd/mm, from the values), id "N. risposta", respondent none, segments
  // "Punto vendita", "Canale di acquisto".
  std::string describe() const;
};

// The band an NPS group value names: "Promoter", "Passivo", "Detractors"...; nullopt otherwise.
std::optional<Band> nps_group_band(const std::string& value);

// Throws InputError naming the file when a column named by an option is missing, when no
// comment column can be found, or when two columns used share a name.
// `descriptions` are question texts per column (Qualtrics' second row, SurveyMonkey's header
// over its sub-header row); `sample` the first rows of the file (bounded by the caller).
ColumnMapping infer_columns(const std::vector<std::string>& header,
                            const std::vector<std::string>& descriptions,
                            const std::vector<RawRecord>& sample, const ColumnOptions& options,
                            const std::string& file);

}  // namespace ascolto

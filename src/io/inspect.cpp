#include "io/inspect.h"

#include "io/row_mapper.h"
#include "io/sampled_reader.h"
#include "io/utf8_source.h"

namespace ascolto {
namespace {

// Cut at `limit` bytes on a character boundary, with an ellipsis; line ends shown as spaces.
std::string shortened(std::string text, std::size_t limit) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (text.size() <= limit) return text;
  text.resize(limit);
  truncate_to_char_boundary(text);
  return text + "\u2026";
}

}  // namespace

Inspection inspect_input(const std::string& path, const ReaderOptions& reader,
                         const ColumnOptions& columns, std::size_t rows) {
  const std::string name = path == "-" ? "<stdin>" : path;
  SampledReader sampled(open_reader(path, reader));
  RowMapper mapper(sampled, columns, name);
  Inspection out{name, sampled.describe(), sampled.header(), mapper.mapping(), {}};
  RawRecord rec;
  while (out.rows.size() < rows && sampled.next(rec)) out.rows.push_back(mapper.map(rec));
  return out;
}

std::string format_inspection(const Inspection& in) {
  std::string s = "file:     " + in.file + "\nformat:   " + in.format + "\ncolumns:  ";
  for (std::size_t i = 0; i < in.header.size(); ++i) s += (i ? " | " : "") + in.header[i];
  s += "\nmapping:  " + in.mapping.describe() + "\n";
  for (const std::string& w : in.mapping.warnings) s += "warning:  " + w + "\n";
  s += "first " + std::to_string(in.rows.size()) + " rows:\n";
  for (const auto& r : in.rows) {
    if (const auto* bad = std::get_if<RejectedRow>(&r)) {
      s += "  line " + std::to_string(bad->line) + ": rejected: " + bad->reason + "\n";
      continue;
    }
    const InputRow& row = std::get<InputRow>(r);
    s += "  line " + std::to_string(row.line) + ": id " + row.display_id() + ", score " +
         (row.score ? std::to_string(*row.score) : "-") + ", date " + row.date.value_or("-");
    for (const auto& [segment, value] : row.segments) s += ", " + segment + "=" + value;
    s += "\n    \"" + shortened(row.text, 70) + "\"\n";
    for (const FieldIssue& issue : row.issues) s += "    problem: " + issue.reason + "\n";
  }
  return s;
}

}  // namespace ascolto

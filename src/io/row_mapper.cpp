#include "io/row_mapper.h"

#include <algorithm>

#include "common/error.h"
#include "common/hash.h"
#include "io/sampled_reader.h"
#include "io/utf8_source.h"
#include "nps/nps.h"
#include "text/html_entities.h"

namespace ascolto {
namespace {

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

}  // namespace

RowMapper::RowMapper(ColumnMapping mapping, std::string file)
    : m_(std::move(mapping)), file_(std::move(file)) {}

RowMapper::RowMapper(const SampledReader& reader, const ColumnOptions& options, std::string file)
    : RowMapper(infer_columns(reader.header(), reader.column_descriptions(), reader.sample(),
                              options, file),
                file) {}

RowMapper::RowMapper(const std::vector<std::string>& header, const ColumnOptions& options,
                     std::string file, const std::vector<std::string>& descriptions)
    : RowMapper(infer_columns(header, descriptions, {}, options, file), file) {}

std::vector<std::string> RowMapper::segment_columns() const {
  std::vector<std::string> out;
  for (const auto& s : m_.segments) out.push_back(s.name);
  return out;
}

std::variant<InputRow, RejectedRow> RowMapper::map(const RawRecord& rec) {
  const auto reject = [&](std::size_t line, std::size_t column, std::string reason) {
    return RejectedRow{file_, line, column, std::move(reason), rec.raw};
  };
  if (rec.error) return reject(rec.error->line, rec.error->column, rec.error->message);
  if (rec.fields.size() != m_.header.size()) {
    return reject(rec.line, 0,
                  "expected " + std::to_string(m_.header.size()) +
                      " fields as in the header, found " + std::to_string(rec.fields.size()));
  }
  for (std::size_t i = 0; i < rec.fields.size(); ++i) {
    const std::size_t bad = first_invalid_utf8(rec.fields[i]);
    if (bad != std::string::npos) {
      return reject(rec.line, i + 1,
                    "invalid UTF-8 in column '" + m_.header[i] + "' at byte " +
                        std::to_string(bad + 1) + "; re-export as UTF-8 or pass --encoding");
    }
    // A NUL byte means binary data or a wrongly detected UTF-16 export, never survey text.
    if (const std::size_t nul = rec.fields[i].find('\0'); nul != std::string::npos) {
      return reject(rec.line, i + 1,
                    "NUL byte in column '" + m_.header[i] + "' at byte " + std::to_string(nul + 1) +
                        "; expected text (is the file UTF-16? pass --encoding)");
    }
  }

  InputRow row;
  row.file = file_;
  row.line = rec.line;
  row.row_number = rec.row_number;
  row.text = decode_html_entities(without_bom(rec.fields[m_.text]));
  // An empty comment still carries an NPS answer: the response is kept (and counted in NPS)
  // with the problem recorded, rather than the respondent disappearing from the figures.
  if (trim(row.text).empty()) {
    row.issues.push_back({m_.text + 1, m_.header[m_.text], "empty comment: nothing to analyze"});
  }
  if (m_.id != kNone) row.id = trim(without_bom(rec.fields[m_.id]));
  if (m_.respondent != kNone) row.respondent = trim(without_bom(rec.fields[m_.respondent]));
  if (m_.score != kNone) {
    const ScoreParse s = parse_score(without_bom(rec.fields[m_.score]));
    row.score = s.value;
    if (!s.error.empty()) row.issues.push_back({m_.score + 1, m_.header[m_.score], s.error});
  }
  if (m_.date != kNone && !trim(rec.fields[m_.date]).empty()) {
    row.date = parse_date(without_bom(rec.fields[m_.date]), m_.date_order);
    if (!row.date) {
      row.issues.push_back({m_.date + 1, m_.header[m_.date],
                            "date '" + rec.fields[m_.date] + "' is not a valid date"});
    }
  }
  for (const std::size_t i : rec.truncated) {
    row.issues.push_back({i, m_.header[i - 1],
                          "field longer than the limit: truncated at a character boundary "
                          "(--max-field-bytes)"});
  }
  if (m_.nps_group != kNone && row.score) {
    const std::string group = trim(rec.fields[m_.nps_group]);
    const auto band = nps_group_band(group);
    if (band && *band != band_of(*row.score)) {
      row.issues.push_back({m_.nps_group + 1, m_.header[m_.nps_group],
                            "NPS group '" + group + "' disagrees with the score " +
                                std::to_string(*row.score) + " (a " +
                                band_name(band_of(*row.score)) + "); the score is kept"});
    }
  }
  for (const auto& segment : m_.segments) {
    for (const std::size_t i : segment.columns) {
      const std::string v = trim(without_bom(rec.fields[i]));
      if (v.empty()) continue;
      row.segments.emplace_back(segment.name, v);
      break;
    }
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

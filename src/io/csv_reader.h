// RFC 4180 CSV/TSV reader over a Utf8Source: quoted fields, doubled quotes, embedded newlines,
// CRLF/LF/CR line ends; the delimiter (`,` `;` or tab) is detected from the header line unless
// given. A malformed record is returned with its error (line, column) and the reader resumes at
// the next record, so one bad row never stops or corrupts a run: a quote that never closes, or
// closes lines later with text after it, costs its own line only, whatever the line ends and
// however much input follows (the lines after it are read again from a TextSpool).
//
//   CsvReader r(Utf8Source::open("survey.csv", ""), {});
//   RawRecord rec; while (r.next(rec)) use(r.header(), rec);
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/record.h"
#include "io/text_spool.h"
#include "io/utf8_source.h"
#include "text/utf8.h"

namespace ascolto {

struct CsvOptions {
  char delimiter = 0;            // 0 = detect
  std::size_t skip_rows = 0;     // extra header rows after the first (Qualtrics 2, SurveyMonkey 1)
  bool detect_qualtrics = true;  // skip Qualtrics' two extra header rows when recognised
  // Longer fields are cut at a UTF-8 character boundary and listed in RawRecord::truncated, so
  // memory stays bounded however long a field is.
  std::size_t max_field_bytes = 1 << 20;
};

// Qualtrics' third row: every cell a JSON object naming the question it holds,
// {"ImportId":"QID1"} (metadata columns add a time zone).
bool is_import_id(const std::string& cell);

class CsvReader : public RecordReader {
 public:
  CsvReader(std::unique_ptr<Utf8Source> source, CsvOptions options);

  const std::vector<std::string>& header() const override { return header_; }
  bool next(RawRecord& rec) override;
  std::string describe() const override;
  std::string input_hash() const override { return source_->raw_hash(); }
  std::vector<std::string> column_descriptions() const override { return descriptions_; }
  char delimiter() const { return delimiter_; }

 private:
  // Parses one physical record; false at end of input.
  bool parse_record(RawRecord& rec);
  static constexpr int kEof = -1;
  // Inline: called once per input byte.
  int peek() { return pos_ < buf_.size() ? static_cast<unsigned char>(buf_[pos_]) : refill(); }
  int get() {
    const int c = peek();
    if (c == kEof) return c;
    ++pos_;
    if (c == '\n' || (c == '\r' && peek() != '\n')) {
      ++line_;  // LF, CRLF (at its LF) and CR-only line ends
      column_ = 1;
    } else if (starts_code_point(static_cast<char>(c))) {
      ++column_;  // columns count characters, not bytes
    }
    return c;
  }
  // Length of the run of bytes from pos_ that a field takes as they are: up to the next
  // delimiter or line end (unquoted), or the next quote or line feed (quoted). Only in the
  // current chunk; 0 at its end.
  std::size_t plain_run(bool quoted) const;
  // Consumes those `n` bytes as get() would, one by one: columns count characters.
  std::string_view take(std::size_t n);
  // Loads the next chunk (text given back after a stray quote first); its first byte or kEof.
  int refill();
  // Ends the current record at the line of its stray quote: what was read after that line is
  // read again.
  void resume_after_stray_quote();
  void detect_delimiter();

  std::unique_ptr<Utf8Source> source_;
  CsvOptions options_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool source_done_ = false;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
  char delimiter_ = ',';
  std::vector<std::string> header_;
  std::vector<std::string> descriptions_;
  std::vector<RawRecord> lookahead_;  // records read while recognising extra header rows
  // Input given back to be read again, the next at the back; before the source.
  std::vector<std::unique_ptr<TextSpool>> replay_;
  // While a quoted field has crossed a line end: what the record consumed after that line end
  // (buf_ from record_from_ on is not in it yet), and the line to resume at.
  std::unique_ptr<TextSpool> recording_;
  std::size_t record_from_ = 0;
  std::size_t resume_line_ = 0;
  std::size_t rows_emitted_ = 0;
};

}  // namespace ascolto

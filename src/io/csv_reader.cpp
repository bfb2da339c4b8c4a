#include "io/csv_reader.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace ascolto {
namespace {

// Raw text kept for a rejected record; longer records are cut (and say so).
constexpr std::size_t kMaxRawBytes = 1 << 20;

// An empty line, or one holding only BOMs (a tool that added its own).
bool is_blank_record(const RawRecord& rec) {
  if (rec.error || rec.fields.size() != 1) return false;
  std::string_view f = rec.fields[0];
  while (f.substr(0, 3) == "\xEF\xBB\xBF") f.remove_prefix(3);
  return f.empty();
}

std::string delimiter_name(char d) {
  if (d == '\t') return "tab";
  return std::string("'") + d + "'";
}

}  // namespace

bool is_import_id(const std::string& cell) {
  if (cell.rfind("{\"ImportId\"", 0) != 0) return false;
  const auto json = nlohmann::json::parse(cell, nullptr, false);
  return json.is_object() && json["ImportId"].is_string();
}

CsvReader::CsvReader(std::unique_ptr<Utf8Source> source, CsvOptions options)
    : source_(std::move(source)), options_(options) {
  detect_delimiter();
  RawRecord rec;
  while (parse_record(rec)) {
    if (is_blank_record(rec)) continue;
    if (rec.error) {
      throw InputError({source_->name(), rec.error->line, rec.error->column},
                       "malformed header: " + rec.error->message);
    }
    header_ = std::move(rec.fields);
    break;
  }
  if (header_.empty()) throw InputError({source_->name(), 1, 1}, "empty file: no header row");
  for (std::size_t i = 0; i < options_.skip_rows; ++i) {
    if (!parse_record(rec)) break;
  }
  // Qualtrics puts the question texts and an ImportId JSON row right under the header, each with
  // a cell per column; a data row that merely starts like one is data.
  if (options_.detect_qualtrics && options_.skip_rows == 0) {
    for (int i = 0; i < 2; ++i) {
      RawRecord r;
      if (!parse_record(r)) break;
      lookahead_.push_back(std::move(r));
    }
    const auto like_header = [&](const RawRecord& r) {
      return !r.error && r.fields.size() == header_.size();
    };
    if (lookahead_.size() == 2 && like_header(lookahead_[0]) && like_header(lookahead_[1]) &&
        std::all_of(lookahead_[1].fields.begin(), lookahead_[1].fields.end(), is_import_id)) {
      descriptions_ = lookahead_[0].fields;
      lookahead_.clear();
    }
    std::reverse(lookahead_.begin(), lookahead_.end());  // pop from the back in order
  }
}

std::string CsvReader::describe() const {
  return "CSV, delimiter " + delimiter_name(delimiter_) + ", " + source_->encoding();
}

std::size_t CsvReader::plain_run(bool quoted) const {
  std::size_t i = pos_;
  if (quoted) {
    while (i < buf_.size() && buf_[i] != '"' && buf_[i] != '\n' && buf_[i] != '\r') ++i;
  } else {
    while (i < buf_.size() && buf_[i] != delimiter_ && buf_[i] != '\n' && buf_[i] != '\r') ++i;
  }
  return i - pos_;
}

std::string_view CsvReader::take(std::size_t n) {
  const std::string_view run(buf_.data() + pos_, n);
  pos_ += n;
  column_ += code_point_count(run);
  return run;
}

int CsvReader::refill() {
  std::string chunk;
  for (;;) {
    if (!replay_.empty()) {
      if (!replay_.back()->read(chunk)) {
        replay_.pop_back();
        continue;
      }
    } else if (source_done_ || !source_->read(chunk)) {
      source_done_ = true;
      return kEof;
    }
    if (!chunk.empty()) break;
  }
  if (recording_) {
    recording_->append(std::string_view(buf_).substr(record_from_));
    record_from_ = 0;
  }
  buf_.swap(chunk);
  pos_ = 0;
  return static_cast<unsigned char>(buf_[pos_]);
}

void CsvReader::resume_after_stray_quote() {
  recording_->append(std::string_view(buf_).substr(record_from_, pos_ - record_from_));
  if (pos_ < buf_.size()) {
    auto rest = std::make_unique<TextSpool>(buf_.size());
    rest->append(std::string_view(buf_).substr(pos_));
    replay_.push_back(std::move(rest));
  }
  replay_.push_back(std::move(recording_));
  buf_.clear();
  pos_ = 0;
  line_ = resume_line_;
  column_ = 1;
}

void CsvReader::detect_delimiter() {
  if (options_.delimiter != 0) {
    delimiter_ = options_.delimiter;
    return;
  }
  peek();  // loads the first chunk
  std::array<std::size_t, 3> counts{};
  constexpr std::array<char, 3> candidates{',', ';', '\t'};
  bool quoted = false;
  for (std::size_t i = pos_; i < buf_.size(); ++i) {
    const char c = buf_[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (std::size_t k = 0; k < candidates.size(); ++k) counts[k] += c == candidates[k];
  }
  const auto best = std::max_element(counts.begin(), counts.end());
  delimiter_ = *best == 0 ? ',' : candidates[static_cast<std::size_t>(best - counts.begin())];
}

bool CsvReader::parse_record(RawRecord& rec) {
  rec.fields.clear();
  rec.raw.clear();
  rec.error.reset();
  rec.truncated.clear();
  rec.line = line_;
  recording_.reset();
  if (peek() == kEof) return false;

  enum class State { FieldStart, Unquoted, Quoted, AfterQuote };
  State state = State::FieldStart;
  std::string field;
  bool field_cut = false;
  std::size_t quote_line = 0, quote_column = 0;
  const auto keep_raw = [&](int c) {
    if (rec.raw.size() < kMaxRawBytes) rec.raw.push_back(static_cast<char>(c));
  };
  const auto add = [&](int c) {
    if (field.size() < options_.max_field_bytes) {
      field.push_back(static_cast<char>(c));
    } else {
      field_cut = true;
    }
  };
  const auto end_field = [&] {
    if (field_cut) {
      truncate_to_char_boundary(field);
      rec.truncated.push_back(rec.fields.size() + 1);
      field_cut = false;
    }
    rec.fields.push_back(std::move(field));
    field.clear();
  };
  const auto fail = [&](std::size_t line, std::size_t column, std::string message) {
    if (!rec.error) rec.error = RecordError{line, column, std::move(message)};
  };
  // Once a quoted field crosses a line end, what follows is recorded: if the quote turns out
  // stray (never closed, or closed lines later with text after it), the record ends at that
  // line and the reader goes back to the next one, so a stray quote costs one row.
  std::size_t stray_line = 0, stray_column = 0, raw_at_line_end = 0;
  const auto start_recording = [&](std::size_t line, std::size_t from) {
    recording_ = std::make_unique<TextSpool>(options_.max_field_bytes);
    record_from_ = from;
    resume_line_ = line + 1;
    stray_line = quote_line;
    stray_column = quote_column;
    raw_at_line_end = rec.raw.size();
  };
  const auto resume = [&](const std::string& problem) {
    rec.raw.resize(raw_at_line_end);
    resume_after_stray_quote();
    fail(stray_line, stray_column, problem + "; reading resumed at the next line");
    end_field();
    return true;
  };
  // Inside a field, the bytes up to the next special one go in at once: what `add` and
  // `keep_raw` would do one byte at a time, limits included.
  const auto add_run = [&](std::string_view run) {
    if (rec.raw.size() < kMaxRawBytes) rec.raw.append(run.substr(0, kMaxRawBytes - rec.raw.size()));
    const std::size_t room =
        field.size() < options_.max_field_bytes ? options_.max_field_bytes - field.size() : 0;
    field.append(run.substr(0, room));
    if (run.size() > room) field_cut = true;
  };
  for (;;) {
    if (state == State::Unquoted || state == State::Quoted) {
      if (const std::size_t n = plain_run(state == State::Quoted); n > 0) {
        add_run(take(n));
        continue;
      }
    }
    const std::size_t line = line_, column = column_;
    const int c = get();
    if (c == kEof) {
      if (state == State::Quoted && recording_) {
        return resume("unterminated quoted field (the quote opened here is never closed)");
      }
      if (state == State::Quoted) {
        fail(quote_line, quote_column,
             "unterminated quoted field (the quote opened here is never closed)");
      }
      end_field();
      return true;
    }
    const bool line_end = c == '\n' || c == '\r';
    if (state == State::Quoted && line_end && !recording_) {
      // After CRLF the next line starts past the LF (get() left it unread).
      start_recording(line, pos_ + (c == '\r' && peek() == '\n' ? 1 : 0));
    }
    if (state != State::Quoted && line_end) {
      if (c == '\r' && peek() == '\n') get();
      end_field();
      return true;
    }
    keep_raw(c);
    switch (state) {
      case State::FieldStart:
        if (c == '"') {
          state = State::Quoted;
          quote_line = line;
          quote_column = column;
        } else if (c == delimiter_) {
          end_field();
        } else {
          add(c);
          state = State::Unquoted;
        }
        break;
      case State::Unquoted:
        if (c == delimiter_) {
          end_field();
          state = State::FieldStart;
        } else {
          // A quote inside an unquoted field is kept literally, as spreadsheets do.
          add(c);
        }
        break;
      case State::Quoted:
        if (c == '"') {
          if (peek() == '"') {
            keep_raw(get());
            add('"');
          } else {
            state = State::AfterQuote;
          }
        } else {
          add(c);
        }
        break;
      case State::AfterQuote:
        if (c == delimiter_) {
          end_field();
          state = State::FieldStart;
        } else if (recording_) {
          // A quote closed lines later and followed by text: the opening one was stray.
          return resume("unbalanced quote (the field opened here closes on line " +
                        std::to_string(line) + " where text follows the closing quote)");
        } else {
          fail(line, column,
               std::string("unexpected character after closing quote; expected the delimiter "
                           "or end of line"));
          add(c);
          state = State::Unquoted;
        }
        break;
    }
  }
}

bool CsvReader::next(RawRecord& rec) {
  for (;;) {
    if (!lookahead_.empty()) {
      rec = std::move(lookahead_.back());
      lookahead_.pop_back();
    } else if (!parse_record(rec)) {
      return false;
    }
    if (is_blank_record(rec)) continue;
    if (!rec.error) rec.error = ill_formed_input(*source_, rec.raw, rec.line);
    rec.row_number = ++rows_emitted_;
    return true;
  }
}

}  // namespace ascolto

#include "io/line_readers.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "common/error.h"

namespace ascolto {
namespace {

using ordered_json = nlohmann::ordered_json;

bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string json_value_text(const ordered_json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

// nlohmann's message without its "[json.exception.out_of_range.406] " prefix.
std::string json_problem(const nlohmann::json::exception& e) {
  const std::string what = e.what();
  const std::size_t end = what.find("] ");
  return end == std::string::npos ? what : what.substr(end + 2);
}

}  // namespace

void LineSplitter::append(std::string& line, std::size_t count) {
  const std::size_t room = max_line_bytes_ - std::min(max_line_bytes_, line.size());
  if (count > room) truncated_ = true;
  line.append(buf_, pos_, std::min(count, room));
}

bool LineSplitter::next(std::string& line, std::size_t& line_number) {
  line.clear();
  truncated_ = false;
  bool any = false;
  for (;;) {
    if (pos_ >= buf_.size()) {
      if (done_ || !source_->read(buf_)) {
        done_ = true;
        buf_.clear();
        pos_ = 0;
        if (!any) return false;
        line_number = ++line_;
        return true;
      }
      pos_ = 0;
      continue;
    }
    any = true;
    const std::size_t end = buf_.find_first_of("\r\n", pos_);
    if (end == std::string::npos) {
      append(line, buf_.size() - pos_);
      pos_ = buf_.size();
      continue;
    }
    append(line, end - pos_);
    pos_ = end + 1;
    if (buf_[end] == '\r') {
      // CRLF: swallow the LF, which may start the next chunk.
      if (pos_ >= buf_.size() && !done_) {
        if (source_->read(buf_)) {
          pos_ = 0;
        } else {
          done_ = true;
          buf_.clear();
          pos_ = 0;
        }
      }
      if (pos_ < buf_.size() && buf_[pos_] == '\n') ++pos_;
    }
    line_number = ++line_;
    return true;
  }
}

JsonlReader::JsonlReader(std::unique_ptr<Utf8Source> source, std::size_t max_line_bytes)
    : lines_(std::move(source), max_line_bytes) {
  std::string line;
  std::size_t n = 0;
  while (lines_.next(line, n)) {
    if (is_blank(line)) continue;
    RawRecord rec;
    rec.line = n;
    rec.raw = line;
    try {
      const auto obj = ordered_json::parse(line);
      if (!obj.is_object()) {
        throw InputError({lines_.source().name(), n, 1}, "expected a JSON object on each line");
      }
      for (const auto& [key, value] : obj.items()) {
        header_.push_back(key);
        rec.fields.push_back(json_value_text(value));
      }
    } catch (const nlohmann::json::parse_error& e) {
      throw InputError({lines_.source().name(), n, e.byte}, "invalid JSON in the first record");
    } catch (const nlohmann::json::exception& e) {
      throw InputError({lines_.source().name(), n, 1},
                       "unreadable JSON in the first record: " + json_problem(e));
    }
    rec.row_number = ++rows_;
    first_.push_back(std::move(rec));
    return;
  }
  throw InputError({lines_.source().name(), 1, 1}, "empty file: no JSON object");
}

std::string JsonlReader::describe() const {
  return "JSONL, " + lines_.source().encoding();
}

bool JsonlReader::parse_line(const std::string& line, std::size_t line_number, RawRecord& rec) {
  rec.fields.assign(header_.size(), std::string());
  rec.line = line_number;
  rec.raw = line;
  rec.error.reset();
  if (lines_.truncated()) {
    rec.error = RecordError{line_number, 1,
                            "line longer than " + std::to_string(line.size()) +
                                " bytes: rejected whole, a cut JSON object cannot be read "
                                "(raise --max-field-bytes)"};
    return true;
  }
  try {
    const auto obj = ordered_json::parse(line);
    if (!obj.is_object()) {
      rec.error = RecordError{line_number, 1, "expected a JSON object"};
      return true;
    }
    for (const auto& [key, value] : obj.items()) {
      const auto it = std::find(header_.begin(), header_.end(), key);
      if (it != header_.end()) {
        rec.fields[static_cast<std::size_t>(it - header_.begin())] = json_value_text(value);
      }
    }
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports the byte just past the problem; columns are 1-based characters.
    const std::size_t byte = e.byte == 0 ? 0 : e.byte - 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < byte && i < line.size(); ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    }
    rec.error = RecordError{line_number, column, "invalid JSON: expected a complete object"};
  } catch (const nlohmann::json::exception& e) {
    // Valid syntax the parser still refuses, e.g. a number too large for a double (1e999).
    rec.error = RecordError{line_number, 1, "unreadable JSON: " + json_problem(e)};
  }
  return true;
}

bool JsonlReader::next(RawRecord& rec) {
  if (!first_.empty()) {
    rec = std::move(first_.back());
    first_.clear();
    return true;
  }
  std::string line;
  std::size_t n = 0;
  while (lines_.next(line, n)) {
    if (is_blank(line)) continue;
    parse_line(line, n, rec);
    rec.row_number = ++rows_;
    return true;
  }
  return false;
}

PlainLinesReader::PlainLinesReader(std::unique_ptr<Utf8Source> source, std::size_t max_line_bytes)
    : lines_(std::move(source), max_line_bytes) {}

std::string PlainLinesReader::describe() const {
  return "plain lines, " + lines_.source().encoding();
}

bool PlainLinesReader::next(RawRecord& rec) {
  std::string line;
  std::size_t n = 0;
  while (lines_.next(line, n)) {
    if (is_blank(line)) continue;
    rec.truncated.clear();
    if (lines_.truncated()) {
      truncate_to_char_boundary(line);
      rec.truncated.push_back(1);
    }
    rec.fields.assign(1, line);
    rec.raw = line;
    rec.line = n;
    rec.error.reset();
    rec.row_number = ++rows_;
    return true;
  }
  return false;
}

}  // namespace ascolto

#include "io/line_readers.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "common/error.h"

namespace ascolto {
namespace {

using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A line that starts with BOMs (two exports concatenated) is read without them.
std::string_view without_boms(std::string_view s) {
  while (s.substr(0, kBom.size()) == kBom) s.remove_prefix(kBom.size());
  return s;
}

// Spaces, tabs and BOMs only.
bool is_blank(const std::string& s) {
  const std::string_view rest = without_boms(s);
  return std::all_of(rest.begin(), rest.end(), [](char c) { return c == ' ' || c == '\t'; });
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

// 1-based character column of byte `byte` in `line`.
std::size_t column_at(std::string_view line, std::size_t byte) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < byte && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

// Byte offset of the first '[' or '{' that opens level `limit` + 1 (strings skipped), or npos.
// Checked before parsing, so no deeper value is ever built or printed.
std::size_t too_deep_at(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      // Skip the string: to the next quote not escaped by a backslash.
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

// The keys of a top-level object, in order, without building it (nlohmann's SAX parser is not
// recursive); `ok` stays false for a line that is not a JSON object or nests too deep.
struct TopLevelKeys : nlohmann::json_sax<nlohmann::json> {
  std::vector<std::string> keys;
  std::size_t depth = 0;
  bool ok = false;

  bool top_scalar() const { return depth > 0; }  // a bare value is no object
  bool null() override { return top_scalar(); }
  bool boolean(bool) override { return top_scalar(); }
  bool number_integer(number_integer_t) override { return top_scalar(); }
  bool number_unsigned(number_unsigned_t) override { return top_scalar(); }
  bool number_float(number_float_t, const string_t&) override { return top_scalar(); }
  bool string(string_t&) override { return top_scalar(); }
  bool binary(binary_t&) override { return top_scalar(); }
  bool start_object(std::size_t) override { return ++depth <= kMaxJsonDepth; }
  bool key(string_t& k) override {
    if (depth == 1) keys.push_back(k);
    return true;
  }
  bool end_object() override {
    ok = --depth == 0;
    return true;
  }
  bool start_array(std::size_t) override { return depth > 0 && ++depth <= kMaxJsonDepth; }
  bool end_array() override {
    --depth;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    ok = false;
    return false;
  }
};

std::unique_ptr<Utf8Source> rewindable(std::unique_ptr<Utf8Source> source) {
  source->enable_rewind();
  return source;
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

void LineSplitter::rewind() {
  source_->rewind();
  buf_.clear();
  pos_ = 0;
  done_ = false;
  line_ = 0;
  truncated_ = false;
}

JsonlReader::JsonlReader(std::unique_ptr<Utf8Source> source, std::size_t max_line_bytes)
    : lines_(rewindable(std::move(source)), max_line_bytes) {
  learn_columns();
  lines_.rewind();
}

void JsonlReader::learn_columns() {
  std::string line;
  std::size_t n = 0, first_line = 0;
  while (lines_.next(line, n)) {
    if (is_blank(line)) continue;
    if (first_line == 0) first_line = n;
    if (lines_.truncated()) continue;  // rejected whole when read
    TopLevelKeys object;
    try {
      nlohmann::json::sax_parse(without_boms(line), &object);
    } catch (const nlohmann::json::exception&) {
      continue;  // the line's error is reported when it is read
    }
    if (!object.ok) continue;
    for (std::string& key : object.keys) {
      if (column_of_.count(key) != 0) continue;
      if (header_.size() == kMaxJsonlColumns) {
        throw InputError({lines_.source().name(), n, 1},
                         "more than " + std::to_string(kMaxJsonlColumns) +
                             " distinct keys: expected one object per response with the same "
                             "few fields");
      }
      column_of_.emplace(key, header_.size());
      header_.push_back(std::move(key));
    }
  }
  if (first_line == 0)
    throw InputError({lines_.source().name(), 1, 1}, "empty file: no JSON object");
  if (header_.empty()) {
    throw InputError({lines_.source().name(), first_line, 1},
                     "no line is a JSON object (expected one object per line)");
  }
}

std::string JsonlReader::describe() const {
  return "JSONL, " + lines_.source().encoding();
}

void JsonlReader::parse_line(const std::string& line, std::size_t line_number, RawRecord& rec) {
  rec.fields.assign(header_.size(), std::string());
  rec.line = line_number;
  rec.raw = line;
  rec.error.reset();
  rec.truncated.clear();
  const auto fail = [&](std::size_t column, std::string message) {
    rec.error = RecordError{line_number, column, std::move(message)};
  };
  if (lines_.truncated()) {
    return fail(1, "line longer than " + std::to_string(line.size()) +
                       " bytes: rejected whole, a cut JSON object cannot be read "
                       "(raise --max-field-bytes)");
  }
  if (auto ill_formed = ill_formed_input(lines_.source(), line, line_number)) {
    rec.error = std::move(ill_formed);
    return;
  }
  const std::string_view text = without_boms(line);
  const std::size_t boms = line.size() - text.size();
  if (const std::size_t deep = too_deep_at(text, kMaxJsonDepth); deep != std::string::npos) {
    return fail(column_at(line, boms + deep),
                "JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                    " levels (arrays or objects inside each other): expected survey fields");
  }
  try {
    const auto obj = ordered_json::parse(text);
    if (!obj.is_object()) return fail(1, "expected a JSON object");
    for (const auto& [key, value] : obj.items()) {
      const auto column = column_of_.find(key);
      if (column == column_of_.end()) {
        return fail(1, "key '" + key +
                           "' was not in the file when its columns were read (did "
                           "the file change during the import?)");
      }
      rec.fields[column->second] = json_value_text(value);
    }
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports the byte just past the problem; columns are 1-based characters.
    fail(column_at(line, boms + (e.byte == 0 ? 0 : e.byte - 1)),
         "invalid JSON: expected a complete object");
  } catch (const nlohmann::json::exception& e) {
    // Valid syntax the parser still refuses, e.g. a number too large for a double (1e999).
    fail(1, "unreadable JSON: " + json_problem(e));
  }
}

bool JsonlReader::next(RawRecord& rec) {
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
    : lines_(std::move(source), max_line_bytes) {
  RawRecord rec;
  if (!read_line(rec)) throw InputError({lines_.source().name(), 1, 1}, "empty file: no line");
  first_.push_back(std::move(rec));
}

std::string PlainLinesReader::describe() const {
  return "plain lines, " + lines_.source().encoding();
}

bool PlainLinesReader::next(RawRecord& rec) {
  if (!first_.empty()) {
    rec = std::move(first_.back());
    first_.clear();
    return true;
  }
  return read_line(rec);
}

bool PlainLinesReader::read_line(RawRecord& rec) {
  std::string line;
  std::size_t n = 0;
  while (lines_.next(line, n)) {
    if (is_blank(line)) continue;
    rec.truncated.clear();
    if (lines_.truncated()) {
      truncate_to_char_boundary(line);
      rec.truncated.push_back(1);
    }
    rec.error = ill_formed_input(lines_.source(), line, n);
    rec.fields.assign(1, line);
    rec.raw = std::move(line);
    rec.line = n;
    rec.row_number = ++rows_;
    return true;
  }
  return false;
}

}  // namespace ascolto

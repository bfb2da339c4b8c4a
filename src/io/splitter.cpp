#include "io/splitter.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <utility>

#include "common/error.h"
#include "common/hash.h"
#include "io/utf8_source.h"
#include "io/xlsx_reader.h"

namespace ascolto {
namespace {

namespace fs = std::filesystem;

struct RecordStart {
  std::size_t line, row;
  std::uint64_t content;  // RowMapper's content hash (low 64 bits); 0 for a malformed record
};

// Where every record starts, as analyze's reader sees the input.
std::vector<RecordStart> record_starts(const std::string& path, const ReaderOptions& options,
                                       std::string& format) {
  const std::unique_ptr<RecordReader> reader = open_reader(path, options);
  if (dynamic_cast<XlsxReader*>(reader.get()) != nullptr) {
    throw UsageError(path +
                     ": split cuts text exports (CSV/TSV, JSONL, one comment per line); save the "
                     "workbook as CSV first, or run analyze --part K/N on it");
  }
  format = reader->describe();
  std::vector<RecordStart> starts;
  RawRecord rec;
  while (reader->next(rec)) {
    std::uint64_t content = 0;
    if (!rec.error) {
      ContentHasher hasher;  // as RowMapper::map keys the rows without an id
      for (const std::string& f : rec.fields) hasher.add(f);
      content = hasher.low64();
    }
    starts.push_back({rec.line, rec.row_number, content});
  }
  return starts;
}

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// "export.part-03-of-12.csv": the number padded so the parts sort in order.
std::string part_name(const fs::path& input, std::size_t k, std::size_t n) {
  const std::string width = std::to_string(n);
  std::string number = std::to_string(k);
  number.insert(0, width.size() - number.size(), '0');
  return input.stem().string() + ".part-" + number + "-of-" + width + input.extension().string();
}

void write_or_throw(std::ofstream& out, const std::string& bytes, const std::string& path) {
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw OutputError(path + ": write failed (" + std::strerror(errno) + ")");
}

nlohmann::json read_manifest(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return nlohmann::json::object();
  nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("parts") ||
      !manifest["parts"].is_object()) {
    throw InputError({file.string(), 0, 0}, "not a split manifest (written by ascolto split)");
  }
  return manifest;
}

// Copies the input's text into the parts: lines before `parts[0].first_line` into every part,
// then each part's lines. Lines end as the readers count them: LF, CRLF, or CR alone.
void copy_parts(const std::string& path, const std::string& encoding,
                std::vector<SplitPart>& parts) {
  const std::unique_ptr<Utf8Source> source = Utf8Source::open(path, encoding);
  std::string header, chunk, out;
  std::ofstream file;
  std::size_t line = 0, next = 0;
  SplitPart* current = nullptr;
  const auto flush = [&] {
    if (current != nullptr) {
      write_or_throw(file, out, current->path);
      current->bytes += out.size();
    } else {
      header += out;
    }
    out.clear();
  };
  const auto close = [&] {
    flush();
    if (current == nullptr) return;
    file.close();
    if (!file) throw OutputError(current->path + ": closing failed");
  };
  const auto new_line = [&] {
    ++line;
    if (next == parts.size() || line != parts[next].first_line) return;
    close();
    current = &parts[next++];
    file.open(current->path, std::ios::binary | std::ios::trunc);
    if (!file) {
      throw OutputError("cannot open '" + current->path + "' for writing (" + std::strerror(errno) +
                        ")");
    }
    out = header;
  };
  new_line();  // line 1: a part starts here when the input has no header line
  bool after_cr = false;
  while (source->read(chunk)) {
    for (const char c : chunk) {
      if (after_cr) {
        after_cr = false;
        if (c != '\n') new_line();
      }
      out.push_back(c);
      if (c == '\n') {
        new_line();
      } else if (c == '\r') {
        after_cr = true;
      }
    }
    if (out.size() >= (1u << 20)) flush();
  }
  close();
}

}  // namespace

SplitResult split_file(const std::string& path, const ReaderOptions& options, std::size_t n,
                       const std::string& out_dir) {
  if (path == "-") throw UsageError("split reads a file twice: give a path, not standard input");
  if (n < 1) throw UsageError("--parts must be at least 1");
  SplitResult result;
  const std::vector<RecordStart> starts = record_starts(path, options, result.format);
  if (starts.empty()) throw InputError({path, 0, 0}, "no record to split");
  result.header_lines = starts.front().line - 1;
  n = std::min(n, starts.size());

  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw OutputError("cannot create '" + out_dir + "' (" + ec.message() + ")");
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t first = starts.size() * k / n, end = starts.size() * (k + 1) / n;
    result.parts.push_back({(fs::path(out_dir) / part_name(path, k + 1, n)).string(),
                            starts[first].line, starts[first].row, end - first, 0});
    if (fs::equivalent(result.parts.back().path, path, ec)) {
      throw OutputError(result.parts.back().path + " is the input itself");
    }
  }
  copy_parts(path, options.encoding, result.parts);

  // Per part, the identical rows earlier parts hold, for each content the part has.
  std::vector<nlohmann::json> earlier(n, nlohmann::json::object());
  std::unordered_map<std::uint64_t, std::uint32_t> seen;
  for (std::size_t k = 0, i = 0; k < n; ++k) {
    std::unordered_map<std::uint64_t, std::uint32_t> in_part;
    const std::size_t end = starts.size() * (k + 1) / n;
    for (; i < end; ++i) {
      const std::uint64_t content = starts[i].content;
      if (content == 0 || in_part[content]++ > 0) continue;
      if (const auto it = seen.find(content); it != seen.end())
        earlier[k][hex64(content)] = it->second;
    }
    for (const auto& [content, copies] : in_part) seen[content] += copies;
  }

  const fs::path manifest_path = fs::path(out_dir) / kSplitManifest;
  nlohmann::json manifest = read_manifest(manifest_path);
  manifest["version"] = 1;
  for (std::size_t k = 0; k < n; ++k) {
    const SplitPart& p = result.parts[k];
    manifest["parts"][fs::path(p.path).filename().string()] = {
        {"source", path},
        {"line_offset", p.first_line - result.header_lines - 1},
        {"row_offset", p.first_row - 1},
        {"records", p.records},
        {"bytes", p.bytes},
        {"earlier_copies", earlier[k]}};
  }
  std::ofstream out(manifest_path, std::ios::binary | std::ios::trunc);
  write_or_throw(out, manifest.dump(1) + "\n", manifest_path.string());
  out.close();
  if (!out) throw OutputError(manifest_path.string() + ": closing failed");
  return result;
}

std::optional<SplitOrigin> split_origin(const std::string& path) {
  if (path == "-") return std::nullopt;
  const fs::path part(path);
  const fs::path manifest_path = part.parent_path() / kSplitManifest;
  std::error_code ec;
  if (!fs::exists(manifest_path, ec)) return std::nullopt;
  const nlohmann::json manifest = read_manifest(manifest_path);
  const auto entry = manifest["parts"].find(part.filename().string());
  if (entry == manifest["parts"].end()) return std::nullopt;
  try {
    const auto size = fs::file_size(part, ec);
    if (ec || size != entry->at("bytes").get<std::uint64_t>()) {
      throw InputError({path, 0, 0},
                       "changed since it was split (" + manifest_path.string() +
                           " lists another size): its line numbers would not be the input's; "
                           "split the input again");
    }
    SplitOrigin origin{entry->at("source").get<std::string>(),
                       entry->at("line_offset").get<std::size_t>(),
                       entry->at("row_offset").get<std::size_t>(),
                       {}};
    for (const auto& [content, copies] : entry->at("earlier_copies").items()) {
      origin.earlier_copies.emplace_back(std::stoull(content, nullptr, 16),
                                         copies.get<std::uint32_t>());
    }
    return origin;
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {  // a missing or mistyped field, a bad hex key
    throw InputError({manifest_path.string(), 0, 0},
                     std::string("not a split manifest (") + e.what() + ")");
  }
}

}  // namespace ascolto

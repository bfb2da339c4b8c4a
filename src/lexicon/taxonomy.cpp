#include "lexicon/taxonomy.h"

#include <re2/re2.h>

#include "lexicon/tsv.h"

namespace ascolto {

void Taxonomy::load(const std::string& path, std::vector<LexiconError>* errors) {
  static const RE2 id_shape(R"([a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?)");
  for_each_line(read_tsv(path), errors, [&](const TsvLine& line) {
    expect_fields(line, 4, 4, "id<TAB>parent<TAB>label_en<TAB>label_it");
    Theme t{line.fields[0], line.fields[1] == "-" ? "" : line.fields[1], line.fields[2],
            line.fields[3]};
    if (!RE2::FullMatch(t.id, id_shape)) {
      throw LexiconError(line.pos,
                         "theme id '" + t.id + "' must be lower_snake_case, 'top' or 'top.sub'");
    }
    const std::size_t dot = t.id.find('.');
    if (dot == std::string::npos && !t.parent.empty()) {
      throw LexiconError(line.pos, "top-level theme '" + t.id + "' must have parent '-'");
    }
    if (dot != std::string::npos) {
      if (t.parent != t.id.substr(0, dot)) {
        throw LexiconError(line.pos,
                           "theme '" + t.id + "' must have parent '" + t.id.substr(0, dot) + "'");
      }
      const auto parent = index_of(t.parent);
      if (!parent) {
        throw LexiconError(line.pos, "parent theme '" + t.parent + "' is not defined above");
      }
      t.parent_index = *parent;
    }
    if (t.label_en.empty() || t.label_it.empty()) {
      throw LexiconError(line.pos,
                         "theme '" + t.id + "' needs both an English and an Italian label");
    }
    if (const auto existing = index_of(t.id)) {
      themes_[*existing] = std::move(t);
    } else {
      if (themes_.size() >= UINT16_MAX) throw LexiconError(line.pos, "too many themes");
      index_.emplace(t.id, static_cast<std::uint16_t>(themes_.size()));
      themes_.push_back(std::move(t));
    }
  });
}

std::optional<std::uint16_t> Taxonomy::index_of(const std::string& id) const {
  const auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace ascolto

// The theme taxonomy: two levels of ids ("delivery", "delivery.delay") with English and Italian
// labels, from lexicons/themes.tsv and any domain pack's themes.tsv (a pack may add themes or
// relabel existing ones).
//
//   Taxonomy t; t.load("lexicons/themes.tsv");
//   t.find("delivery.delay")->parent == "delivery"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/error.h"

namespace ascolto {

struct Theme {
  std::string id;
  std::string parent;  // empty for a top-level theme
  std::string label_en;
  std::string label_it;
  std::int32_t parent_index = -1;  // index of `parent`, -1 for a top-level theme
};

class Taxonomy {
 public:
  // Adds or replaces the themes of a taxonomy file; throws LexiconError with file:line, or with
  // `errors` keeps each bad line's error there and goes on (see for_each_line).
  void load(const std::string& path, std::vector<LexiconError>* errors = nullptr);

  std::optional<std::uint16_t> index_of(const std::string& id) const;
  const Theme& at(std::uint16_t index) const { return themes_[index]; }
  const std::vector<Theme>& all() const { return themes_; }
  std::size_t size() const { return themes_.size(); }

 private:
  std::vector<Theme> themes_;
  std::unordered_map<std::string, std::uint16_t> index_;
};

}  // namespace ascolto

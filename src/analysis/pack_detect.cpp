#include "analysis/pack_detect.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "lexicon/tsv.h"
#include "text/tokenizer.h"

namespace ascolto {

namespace fs = std::filesystem;

PackDetector::PackDetector(PackDetectOptions options)
    : options_(options), tokenizer_(std::make_unique<Tokenizer>()) {}
PackDetector::PackDetector(PackDetector&&) noexcept = default;
PackDetector& PackDetector::operator=(PackDetector&&) noexcept = default;
PackDetector::~PackDetector() = default;

PackDetector PackDetector::load(const std::string& lexicon_dir, PackDetectOptions options) {
  PackDetector d(options);
  const fs::path packs = fs::path(lexicon_dir) / "packs";
  std::error_code ec;
  if (!fs::is_directory(packs, ec)) return d;
  // Sorted, so the detection does not depend on the order the file system lists them in.
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(packs, ec)) {
    if (e.is_directory() && fs::exists(e.path() / "domain.tsv")) {
      names.insert(e.path().filename().string());
    }
  }
  for (const std::string& name : names) {
    for (const TsvLine& line : read_tsv((packs / name / "domain.tsv").string())) {
      expect_fields(line, 2, 2, "term<TAB>weight (1 or 2)");
      const int weight = static_cast<int>(parse_number(line, 1, 1, 2, "weight"));
      d.add_domain_word(name, line.fields[0], weight);
    }
  }
  return d;
}

void PackDetector::add_domain_word(const std::string& pack, std::string_view term, int weight) {
  std::size_t index = std::find(packs_.begin(), packs_.end(), pack) - packs_.begin();
  if (index == packs_.size()) {
    packs_.push_back(pack);
    votes_.push_back(0);
    word_comments_.emplace_back();
  }
  Term t;
  t.tokens = tokenizer_->entry_tokens(term);
  if (t.tokens.empty()) return;
  t.pack = index;
  t.weight = weight;
  t.id = term_text_.size();
  term_text_.emplace_back(term);
  std::string first = t.tokens.front();
  terms_.emplace(std::move(first), std::move(t));
}

void PackDetector::add(std::string_view comment) {
  thread_local TokenizedText text;
  tokenizer_->tokenize(comment, text);
  const auto& tokens = text.tokens;
  // Distinct terms of the comment: a word repeated in one comment is one piece of evidence.
  std::set<std::size_t> seen;
  std::vector<int> weight(packs_.size(), 0);
  bool words = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::Word) continue;
    words = true;
    const auto [from, to] = terms_.equal_range(tokens[i].norm);
    for (auto it = from; it != to; ++it) {
      const Term& t = it->second;
      if (i + t.tokens.size() > tokens.size()) continue;
      bool match = true;
      for (std::size_t k = 1; k < t.tokens.size() && match; ++k) {
        match = tokens[i + k].norm == t.tokens[k];
      }
      if (match && seen.insert(t.id).second) {
        weight[t.pack] += t.weight;
        ++word_comments_[t.pack][t.id];
      }
    }
  }
  if (!words) return;
  ++sampled_;
  for (std::size_t p = 0; p < packs_.size(); ++p) {
    if (weight[p] >= 2) ++votes_[p];
  }
}

PackDetection PackDetector::result() const {
  PackDetection r;
  r.sampled = sampled_;
  for (std::size_t p = 0; p < packs_.size(); ++p) {
    PackEvidence e;
    e.pack = packs_[p];
    e.votes = votes_[p];
    e.share = sampled_ ? static_cast<double>(votes_[p]) / static_cast<double>(sampled_) : 0.0;
    for (const auto& [id, n] : word_comments_[p]) e.words.emplace_back(term_text_[id], n);
    std::stable_sort(e.words.begin(), e.words.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (e.words.size() > options_.top_words) e.words.resize(options_.top_words);
    r.packs.push_back(std::move(e));
  }
  std::stable_sort(r.packs.begin(), r.packs.end(),
                   [](const PackEvidence& a, const PackEvidence& b) {
                     return a.votes != b.votes ? a.votes > b.votes : a.pack < b.pack;
                   });
  const double best = r.packs.empty() ? 0.0 : r.packs.front().share;
  for (PackEvidence& e : r.packs) {
    e.chosen = e.votes >= options_.min_votes && e.share >= options_.min_share &&
               e.share >= options_.relative * best;
  }
  return r;
}

std::vector<std::string> PackDetection::chosen() const {
  std::vector<std::string> names;
  for (const PackEvidence& e : packs) {
    if (e.chosen) names.push_back(e.pack);
  }
  return names;
}

std::string PackDetection::summary() const {
  std::ostringstream out;
  out << "packs:";
  bool any = false;
  for (const PackEvidence& e : packs) {
    if (!e.chosen) continue;
    out << (any ? "; " : " ") << e.pack << " (" << e.votes << " of " << sampled << " comments:";
    for (std::size_t i = 0; i < e.words.size(); ++i) {
      out << (i ? ", " : " ") << e.words[i].first << ' ' << e.words[i].second;
    }
    out << ')';
    any = true;
  }
  if (!any && sampled == 0) {
    out << " none (no comment could be sampled before the import; name the packs with --pack "
           "NAME, or --pack none)";
  } else if (!any) {
    out << " none (no domain vocabulary in " << sampled << " comments)";
  }
  return out.str();
}

std::string PackDetection::json() const {
  nlohmann::json j;
  j["sampled"] = sampled;
  j["chosen"] = chosen();
  j["packs"] = nlohmann::json::array();
  for (const PackEvidence& e : packs) {
    nlohmann::json words = nlohmann::json::object();
    for (const auto& [w, n] : e.words) words[w] = n;
    j["packs"].push_back(
        {{"pack", e.pack}, {"votes", e.votes}, {"chosen", e.chosen}, {"words", words}});
  }
  return j.dump();
}

PackDetection detect_packs(const std::string& lexicon_dir, const std::vector<std::string>& sample,
                           PackDetectOptions options) {
  PackDetector d = PackDetector::load(lexicon_dir, options);
  for (const std::string& comment : sample) d.add(comment);
  return d.result();
}

}  // namespace ascolto

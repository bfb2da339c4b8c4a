// Recognises the domain of an export (telco, banking, ecommerce, hospitality, restaurant...) from
// the vocabulary of a sample of its comments, so `analyze --pack auto` can load the matching
// domain packs. Each pack lists its domain words in lexicons/packs/<name>/domain.tsv
// (`term<TAB>weight`, both languages in one file, weight 1 = a hint, 2 = a clear sign; a term may
// be a phrase). A comment votes for a pack when the distinct domain words it holds weigh 2 or
// more; a pack is chosen when at least `min_votes` comments and `min_share` of the sample vote
// for it, and its share is at least `relative` times the best pack's (so a hotel export that
// mentions its restaurant stays a hotel export, while an export that is half hotel, half
// restaurant gets both). No pack is chosen for an export whose vocabulary names no domain.
//
//   PackDetector d = PackDetector::load("lexicons");
//   for (const std::string& c : first_comments) d.add(c);
//   PackDetection r = d.result();   // r.chosen(): {"telco"}; r.summary(): the evidence
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ascolto {

class Tokenizer;

// The evidence for one pack: how many sampled comments voted for it and its most frequent words.
struct PackEvidence {
  std::string pack;
  std::int64_t votes = 0;  // sampled comments whose domain words weigh 2 or more
  double share = 0;        // votes / sampled comments
  bool chosen = false;
  std::vector<std::pair<std::string, std::int64_t>> words;  // top domain words, comments each
};

struct PackDetection {
  std::int64_t sampled = 0;         // comments read (blank ones are not counted)
  std::vector<PackEvidence> packs;  // every known pack, most votes first
  std::vector<std::string> chosen() const;
  // One line for the run summary: "packs: telco (412 of 1000 comments: broadband 210, ...)"
  // or "packs: none (no domain vocabulary in 1000 comments)".
  std::string summary() const;
  // The same as a JSON object, for the `runs` table: {"sampled":N,"chosen":[...],"packs":[...]}.
  std::string json() const;
};

struct PackDetectOptions {
  double min_share = 0.10;
  std::int64_t min_votes = 3;
  double relative = 0.4;
  std::size_t top_words = 5;
};

class PackDetector {
 public:
  // Reads <lexicon_dir>/packs/*/domain.tsv (packs without one are never chosen). Throws
  // LexiconError with file:line on a bad line.
  static PackDetector load(const std::string& lexicon_dir, PackDetectOptions options = {});
  // An empty detector; add a pack's words with add_domain_word (tests, user packs).
  explicit PackDetector(PackDetectOptions options = {});
  PackDetector(PackDetector&&) noexcept;
  PackDetector& operator=(PackDetector&&) noexcept;
  ~PackDetector();

  void add_domain_word(const std::string& pack, std::string_view term, int weight);
  // Reads one comment of the sample.
  void add(std::string_view comment);
  PackDetection result() const;

 private:
  struct Term {
    std::vector<std::string> tokens;  // lookup forms, as the tokenizer gives them
    std::size_t pack = 0;
    int weight = 1;
    std::size_t id = 0;  // index into term_text_
  };
  PackDetectOptions options_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::vector<std::string> packs_;
  std::vector<std::string> term_text_;
  std::multimap<std::string, Term, std::less<>> terms_;  // by first token
  std::int64_t sampled_ = 0;
  std::vector<std::int64_t> votes_;                                 // per pack
  std::vector<std::map<std::size_t, std::int64_t>> word_comments_;  // per pack: term id -> count
};

// Detection over a sample in one call: the packs of <lexicon_dir>/packs that `sample` names.
PackDetection detect_packs(const std::string& lexicon_dir, const std::vector<std::string>& sample,
                           PackDetectOptions options = {});

}  // namespace ascolto

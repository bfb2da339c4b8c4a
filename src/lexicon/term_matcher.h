// Longest-match lookup of lexicon entries over normalized tokens: single words, `prefix*`
// words, and multi-word phrases (whose last word may be a prefix). Lookups take string_views and
// do not allocate.
//
//   TermMatcher<float> m;
//   m.add({"non", "vedo", "l'", "ora"}, false, 2.5f);
//   auto hit = m.longest(tokens, i, end);   // hit->length == 4, *hit->payload == 2.5
#pragma once

#include <xxhash.h>

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/tokenizer.h"
#include "text/word_filter.h"

namespace ascolto {

// XXH3 (already linked for content hashes): cheaper than std::hash on the short words looked up
// here.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }
};

template <class Payload>
class TermMatcher {
 public:
  struct Match {
    std::size_t length = 0;  // tokens consumed
    const Payload* payload = nullptr;
  };

  // Adds an entry and returns its payload slot; `inserted` says whether it is new (an existing
  // entry with the same tokens and prefix flag is returned as is).
  Payload& add(const std::vector<std::string>& tokens, bool prefix, const Payload& payload,
               bool* inserted) {
    *inserted = false;
    if (!prefix || tokens.size() > 1) first_words_.add(tokens[0]);
    if (tokens.size() == 1 && !prefix) {
      std::optional<Payload>& word = entries_[tokens[0]].word;
      *inserted = !word;
      if (!word) word = payload;
      return *word;
    }
    if (tokens.size() == 1) {
      auto [it, fresh] = prefixes_.try_emplace(tokens[0], payload);
      *inserted = fresh;
      prefix_lengths_.insert(tokens[0].size());
      if (tokens[0].size() < 2) {
        short_prefix_ = true;
      } else {
        prefix_starts_[start_key(tokens[0])] = true;
      }
      return it->second;
    }
    Phrases& phrases = entries_[tokens[0]].phrases;
    auto& list = phrases.list;
    for (Phrase& p : list) {
      if (p.rest.size() + 1 == tokens.size() && p.prefix_last == prefix &&
          std::equal(p.rest.begin(), p.rest.end(), tokens.begin() + 1)) {
        return p.payload;
      }
    }
    *inserted = true;
    if (tokens[1].empty()) {
      phrases.second_starts.set();
    } else {
      phrases.second_starts.set(static_cast<unsigned char>(tokens[1][0]));
    }
    list.push_back({{tokens.begin() + 1, tokens.end()}, prefix, payload});
    return list.back().payload;
  }

  // The entry with exactly these tokens and prefix flag, or nullptr.
  const Payload* find(const std::vector<std::string>& tokens, bool prefix) const {
    if (tokens.size() == 1 && prefix) {
      const auto it = prefixes_.find(tokens[0]);
      return it == prefixes_.end() ? nullptr : &it->second;
    }
    const auto it = entries_.find(tokens[0]);
    if (it == entries_.end()) return nullptr;
    if (tokens.size() == 1) return it->second.word ? &*it->second.word : nullptr;
    for (const Phrase& p : it->second.phrases.list) {
      if (p.rest.size() + 1 == tokens.size() && p.prefix_last == prefix &&
          std::equal(p.rest.begin(), p.rest.end(), tokens.begin() + 1)) {
        return &p.payload;
      }
    }
    return nullptr;
  }

  // A single word: exact entry first, else the longest prefix entry.
  const Payload* word(std::string_view w) const {
    return word(w, may_start_entry(w) ? find_entry(w) : nullptr);
  }

  // Longest entry starting at tokens[i], not crossing `end`.
  std::optional<Match> longest(const std::vector<Token>& tokens, std::size_t i,
                               std::size_t end) const {
    std::optional<Match> best;
    const std::string_view first = tokens[i].norm;
    // One lookup serves the phrases that start with this word and the word itself.
    const Entry* entry = may_start_entry(first) ? find_entry(first) : nullptr;
    if (entry && i + 1 < end && entry->phrases.continues(tokens[i + 1].norm)) {
      for (const Phrase& p : entry->phrases.list) {
        const std::size_t len = p.rest.size() + 1;
        if (i + len > end || (best && best->length >= len)) continue;
        bool ok = true;
        for (std::size_t k = 0; k < p.rest.size() && ok; ++k) {
          const std::string& want = p.rest[k];
          const std::string& have = tokens[i + 1 + k].norm;
          const bool last = k + 1 == p.rest.size();
          ok = (last && p.prefix_last) ? have.compare(0, want.size(), want) == 0 : have == want;
        }
        if (ok) best = Match{len, &p.payload};
      }
    }
    if (!best) {
      if (const Payload* w = word(first, entry)) best = Match{1, w};
    }
    return best;
  }

  // Scans tokens [first, end) left to right and calls fn(begin, stop, payload) for each longest
  // match starting at a word or number; matches do not overlap.
  template <class Fn>
  void for_each_match(const std::vector<Token>& tokens, std::size_t first, std::size_t end,
                      Fn&& fn) const {
    for (std::size_t i = first; i < end;) {
      const TokenKind kind = tokens[i].kind;
      const auto m = (kind == TokenKind::Word || kind == TokenKind::Number)
                         ? longest(tokens, i, end)
                         : std::nullopt;
      if (!m) {
        ++i;
        continue;
      }
      fn(i, i + m->length, *m->payload);
      i += m->length;
    }
  }

  // Calls fn(word, payload) for every exact single-word entry.
  template <class Fn>
  void for_each_word(Fn&& fn) const {
    for (const auto& [w, e] : entries_) {
      if (e.word) fn(w, *e.word);
    }
  }

  std::size_t size() const {
    std::size_t n = prefixes_.size();
    for (const auto& [first, e] : entries_) n += (e.word ? 1 : 0) + e.phrases.list.size();
    return n;
  }

 private:
  struct Phrase {
    std::vector<std::string> rest;
    bool prefix_last = false;
    Payload payload;
  };
  // The phrases that start with one word.
  struct Phrases {
    std::vector<Phrase> list;
    std::bitset<256> second_starts;  // first bytes of their second words (all: an empty one)
    // False when `next` cannot be the second word of any of them: the list is not scanned.
    bool continues(const std::string& next) const {
      return second_starts[static_cast<unsigned char>(next[0])];
    }
  };

  // An exact word and the phrases that start with it, under one key.
  struct Entry {
    std::optional<Payload> word;
    Phrases phrases;
  };

  const Entry* find_entry(std::string_view w) const {
    const auto it = entries_.find(w);
    return it == entries_.end() ? nullptr : &it->second;
  }

  // `entry`: the entry of `w`, looked up once by the caller (nullptr: none).
  const Payload* word(std::string_view w, const Entry* entry) const {
    if (entry && entry->word) return &*entry->word;
    if (!short_prefix_ && (w.size() < 2 || !prefix_starts_[start_key(w)])) return nullptr;
    for (auto len = prefix_lengths_.rbegin(); len != prefix_lengths_.rend(); ++len) {
      if (*len > w.size()) continue;
      if (const auto it = prefixes_.find(w.substr(0, *len)); it != prefixes_.end()) {
        return &it->second;
      }
    }
    return nullptr;
  }

  // False when no exact word or phrase starts with `w`: most tokens are turned away here, before
  // the hash and lookup in each map.
  bool may_start_entry(std::string_view w) const { return first_words_.may_contain(w); }

  static std::size_t start_key(std::string_view w) {
    return static_cast<unsigned char>(w[0]) << 8 | static_cast<unsigned char>(w[1]);
  }

  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> entries_;
  std::unordered_map<std::string, Payload, StringHash, std::equal_to<>> prefixes_;
  std::set<std::size_t> prefix_lengths_;
  // The first two bytes of every prefix entry: most words are turned away here, before one hash
  // per prefix length. A prefix entry shorter than that turns the filter off.
  std::vector<bool> prefix_starts_ = std::vector<bool>(1 << 16);
  bool short_prefix_ = false;
  // Every exact word and every phrase's first word.
  WordFilter first_words_;
};

}  // namespace ascolto

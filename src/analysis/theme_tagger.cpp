#include "analysis/theme_tagger.h"

#include <re2/re2.h>

#include <algorithm>

namespace ascolto {
namespace {

constexpr std::size_t kInsertionSortMax = 256;  // spans of one comment sorted by insertion

bool word_in(const std::vector<std::string>& words, std::string_view token) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    if (!w.empty() && w.back() == '*') {
      return token.substr(0, w.size() - 1) == std::string_view(w).substr(0, w.size() - 1);
    }
    return token == w;
  });
}

// Whether the words around tokens [first, end) of `sent` satisfy a pattern's context.
bool context_allows(const ThemeContext& ctx, const TokenizedText& text, const Sentence& sent,
                    std::uint32_t first, std::uint32_t end) {
  const std::uint32_t from = first - std::min(first - sent.first_token, ctx.window);
  const std::uint32_t to = std::min(sent.end_token, end + ctx.window);
  bool near = ctx.near.empty();
  for (std::uint32_t i = from; i < to; ++i) {
    if (i >= first && i < end) continue;
    const std::string_view w = text.tokens[i].norm;
    if (word_in(ctx.not_near, w)) return false;
    if (!near && word_in(ctx.near, w)) near = true;
  }
  return near;
}

}  // namespace

void ThemeTagger::tag(const TokenizedText& text, const std::vector<SentenceText>& sentence_texts,
                      Lang lang_code, std::vector<ThemeSpan>& spans) const {
  const LanguageLexicon& lang = lex_.lang(lang_code);
  // Scratch kept per thread: its buffer keeps its capacity from one comment to the next.
  thread_local std::vector<ThemeSpan> found;
  found.clear();
  spans.clear();
  for (std::uint32_t si = 0; si < text.sentences.size(); ++si) {
    const Sentence& sent = text.sentences[si];
    // Keeps the hits of tokens [first, end) whose context allows them (only the domain packs'
    // hits when `packs_only`); returns whether one was kept.
    const auto keep = [&](std::uint32_t first, std::uint32_t end, const ThemeHits& hits,
                          bool packs_only) {
      bool kept = false;
      for (const ThemeHit& h : hits) {
        if (packs_only && h.layer == 0) continue;
        const ThemeContext* ctx =
            h.context < 0 ? nullptr : &lang.contexts[static_cast<std::size_t>(h.context)];
        if (!ctx || context_allows(*ctx, text, sent, first, end)) {
          found.push_back({h.theme, si, first, end, h.src, ctx ? ctx->valence : 0.0f});
          kept = true;
        }
      }
      return kept;
    };
    lang.themes.for_each_match(
        text.tokens, sent.first_token, sent.end_token,
        [&](std::size_t begin, std::size_t stop, const ThemeHits& hits) {
          const auto first = static_cast<std::uint32_t>(begin);
          const auto end = static_cast<std::uint32_t>(stop);
          const bool kept = keep(first, end, hits, false);
          const bool from_pack =
              std::any_of(hits.begin(), hits.end(), [](const ThemeHit& h) { return h.layer > 0; });
          if (end - first < 2 || (kept && from_pack)) return;
          // The words inside a longer match still count when its context refused it ("on the
          // phone" before "line"), and a pack's term is not hidden by a longer base phrase
          // ("the service" in a restaurant review is the pack's service).
          for (std::uint32_t i = first; i < end; ++i) {
            const TokenKind kind = text.tokens[i].kind;
            if (kind != TokenKind::Word && kind != TokenKind::Number) continue;
            const auto m = lang.themes.longest(text.tokens, i, i == first ? end - 1 : end);
            if (m) keep(i, i + static_cast<std::uint32_t>(m->length), *m->payload, kept);
          }
        });
    if (!lang.rule_set) continue;
    for_each_rule_match(
        lang.rules, 0, sentence_texts[si],
        [&](std::size_t r, std::uint32_t first, std::uint32_t end) {
          const ThemeRule& rule = lang.rules[r];
          const ThemeContext* ctx =
              rule.context < 0 ? nullptr : &lang.contexts[static_cast<std::size_t>(rule.context)];
          if (!ctx || context_allows(*ctx, text, sent, first, end)) {
            found.push_back({rule.theme, si, first, end, rule.src, ctx ? ctx->valence : 0.0f});
          }
        });
  }

  // Same theme twice at one place: keep the longer span. Parent beside its own subtheme: drop it.
  const auto before = [](const ThemeSpan& a, const ThemeSpan& b) {
    if (a.sentence != b.sentence) return a.sentence < b.sentence;
    if (a.first_token != b.first_token) return a.first_token < b.first_token;
    return a.end_token > b.end_token;
  };
  // A stable insertion sort: spans come nearly in order (each sentence's lexicon matches in token
  // order, then its rule matches), and std::stable_sort allocates a buffer on every call. Many
  // spans (a long comment) are sorted by std::stable_sort: insertion is quadratic.
  if (found.size() > kInsertionSortMax) {
    std::stable_sort(found.begin(), found.end(), before);
  } else {
    for (auto i = found.begin(); i != found.end(); ++i) {
      std::rotate(std::upper_bound(found.begin(), i, *i, before), i, i + 1);
    }
  }
  // In this order a span overlaps an earlier one of its theme in its sentence exactly when it
  // starts before the furthest end of those: one pass, with that end per theme.
  const auto& tax = lex_.taxonomy;
  thread_local std::vector<std::uint32_t> theme_end, theme_stamp, parent_stamp;
  theme_end.assign(tax.size(), 0);
  theme_stamp.assign(tax.size(), 0);
  auto unique_end = found.begin();
  for (auto s = found.begin(); s != found.end(); ++s) {
    const std::uint32_t stamp = s->sentence + 1;
    const bool duplicate = theme_stamp[s->theme] == stamp && theme_end[s->theme] > s->first_token;
    if (duplicate) continue;
    if (theme_stamp[s->theme] != stamp) theme_end[s->theme] = 0;
    theme_stamp[s->theme] = stamp;
    theme_end[s->theme] = std::max(theme_end[s->theme], s->end_token);
    *unique_end++ = *s;
  }
  found.erase(unique_end, found.end());
  // A parent beside its own subtheme in one sentence is dropped: the parents present, per
  // sentence, marked first.
  parent_stamp.assign(tax.size(), 0);
  for (auto first = found.begin(); first != found.end();) {
    auto last = first;
    while (last != found.end() && last->sentence == first->sentence) ++last;
    const std::uint32_t stamp = first->sentence + 1;
    for (auto o = first; o != last; ++o) {
      const std::int32_t parent = tax.at(o->theme).parent_index;
      if (parent >= 0) parent_stamp[static_cast<std::size_t>(parent)] = stamp;
    }
    for (auto o = first; o != last; ++o) {
      if (parent_stamp[o->theme] != stamp) spans.push_back(*o);
    }
    first = last;
  }
}

}  // namespace ascolto

#include "analysis/theme_tagger.h"

#include <re2/re2.h>

#include <algorithm>

namespace ascolto {
namespace {

bool overlaps(const ThemeSpan& a, const ThemeSpan& b) {
  return a.sentence == b.sentence && a.first_token < b.end_token && b.first_token < a.end_token;
}

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

std::vector<ThemeSpan> ThemeTagger::tag(const TokenizedText& text,
                                        const std::vector<SentenceText>& sentence_texts,
                                        Lang lang_code) const {
  const LanguageLexicon& lang = lex_.lang(lang_code);
  // Scratch kept per thread: its buffers keep their capacity from one comment to the next.
  thread_local std::vector<ThemeSpan> found, out;
  found.clear();
  out.clear();
  for (std::uint32_t si = 0; si < text.sentences.size(); ++si) {
    const Sentence& sent = text.sentences[si];
    lang.themes.for_each_match(
        text.tokens, sent.first_token, sent.end_token,
        [&](std::size_t begin, std::size_t stop, const ThemeHits& hits) {
          const auto first = static_cast<std::uint32_t>(begin);
          const auto end = static_cast<std::uint32_t>(stop);
          for (const ThemeHit& h : hits) {
            const ThemeContext* ctx =
                h.context < 0 ? nullptr : &lang.contexts[static_cast<std::size_t>(h.context)];
            if (!ctx || context_allows(*ctx, text, sent, first, end)) {
              found.push_back({h.theme, si, first, end, h.src, ctx ? ctx->valence : 0.0f});
            }
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
  std::stable_sort(found.begin(), found.end(), [](const ThemeSpan& a, const ThemeSpan& b) {
    if (a.sentence != b.sentence) return a.sentence < b.sentence;
    if (a.first_token != b.first_token) return a.first_token < b.first_token;
    return a.end_token > b.end_token;
  });
  for (const ThemeSpan& s : found) {
    const bool duplicate = std::any_of(out.begin(), out.end(), [&](const ThemeSpan& o) {
      return o.theme == s.theme && overlaps(o, s);
    });
    if (!duplicate) out.push_back(s);
  }
  const auto& tax = lex_.taxonomy;
  std::vector<ThemeSpan> kept;
  for (const ThemeSpan& s : out) {
    const std::string& id = tax.at(s.theme).id;
    const bool has_child = std::any_of(out.begin(), out.end(), [&](const ThemeSpan& o) {
      return o.sentence == s.sentence && tax.at(o.theme).parent == id;
    });
    if (!has_child) kept.push_back(s);
  }
  return kept;
}

}  // namespace ascolto

#include "analysis/sentiment.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "analysis/questions.h"
#include "text/normalizer.h"

namespace ascolto {
namespace {

// Tuning constants, in the spirit of VADER's published ones.
constexpr double kNegatedPositive = 0.6;   // "non è buono" is milder than "è cattivo"
constexpr double kNegatedNegative = 0.4;   // "not bad" is mildly positive ...
constexpr double kStrongNegative = -3.0;   // ... but "not the worst" is not praise at all
constexpr double kQuestionPositive = 0.0;  // "was it good?" is not praise
constexpr double kAllCaps = 1.25;
constexpr double kElongated = 1.15;
constexpr double kSuperlative = 1.3;     // -issimo
constexpr double kExclamation = 0.2;     // per '!', up to four
constexpr double kMixedThreshold = 1.5;  // a clause this strong in each direction -> mixed
constexpr std::size_t kNegationScope = 3;
constexpr std::uint32_t kIntensityReach = 3;  // tokens after a booster it can still intensify
constexpr double kRefusal = -1.0;             // "No!" on its own
constexpr double kExcitement = 0.8;           // "Ready for a movie!!"
constexpr double kExcess = -1.4;              // "too high", "troppo piccolo"
constexpr double kAbsence = -0.8;             // "no hot water", "non mi hanno risposto"
constexpr double kAbsenceMinStrength = 0.8;   // "few", "rarely" state no lack of their own
constexpr double kFreeOf = 0.6;               // "pain free" is milder praise than "pain" is blame
// Bounds that keep every product finite whatever the input ("ma" x1800 multiplied a clause's
// weight by 1.5 each time, "molto" x3500 an entry by 1.3 each time, to infinity and then NaN).
constexpr double kMaxClauseWeight = 16.0;  // four contrasts of x2 in one sentence
constexpr double kMaxScale = 4.0;          // boosters stacked on one entry
// Caps that keep the time linear in the comment's length (README, "Limits"): what lies beyond
// them in a pathological comment ("ma" x300,000, "non molto buono e" x50,000) is not read.
constexpr int kMaxContrasts = 8;                 // contrast words that weigh a sentence's clauses
constexpr std::size_t kMaxModifiersInScope = 8;  // modifiers read back from an entry
constexpr std::uint32_t kTimeSpanReach = 12;     // "non ... così bene [da anni]": tokens searched
constexpr std::uint32_t kExclamativeReach = 24;  // a lack's negator to an exclamative opinion

struct Item {
  std::uint32_t first = 0, end = 0;  // token range
  double valence = 0;
  bool emoji = false;         // no rule applies to it
  bool interjection = false;  // "lol", "uffa": only CAPS and elongation apply to it
  bool superlative = false;
  bool free_of = false;  // a negative word and "free": "guilt-free"
  EntrySource src;
};

struct Modifier {
  std::uint32_t first = 0, end = 0;
  const ModifierEntry* entry = nullptr;
};

std::string span_text(const TokenizedText& t, std::uint32_t first, std::uint32_t end) {
  std::string s;
  for (std::uint32_t i = first; i < end; ++i) {
    if (i > first) s += ' ';
    s += t.tokens[i].norm;
  }
  return s;
}

// Italian superlatives: "lentissimo" -> "lento", "velocissima" -> "veloce".
const SentimentEntry* superlative_base(const LanguageLexicon& lang, const std::string& w) {
  static constexpr std::string_view endings[] = {"issimo", "issima", "issimi", "issime"};
  for (const std::string_view e : endings) {
    if (w.size() <= e.size() + 2 || w.compare(w.size() - e.size(), e.size(), e) != 0) continue;
    const std::string stem = w.substr(0, w.size() - e.size());
    for (const char* tail : {"o", "e", "a", "i"}) {
      if (const SentimentEntry* s = lang.sentiment.word(stem + tail)) return s;
    }
    // "bianchissimo" <- "bianco", "larghissimo" <- "largo"
    if (stem.size() > 2 && stem.back() == 'h') {
      if (const SentimentEntry* s = lang.sentiment.word(stem.substr(0, stem.size() - 1) + "o"))
        return s;
    }
  }
  return nullptr;
}

// Every run of one repeated character shortened to that character.
std::string squeeze_runs(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

// True when "and" / "e" lies between a negator and a later entry, after at least one word: the
// negation took what came first and the conjunction starts another statement ("not pretentious
// and very cheap", "senza preavviso e personale gentile"). Right after the negator it is more
// likely a typed "è" ("non e buono") and does not close.
bool closed_by_conjunction(const TokenizedText& t, Lang lang, std::uint32_t from,
                           std::uint32_t to) {
  for (std::uint32_t k = from + 1; k < to; ++k) {
    if (joins_statements(t.tokens[k].norm, lang)) return true;
  }
  return false;
}

// A past participle, the mark of an experience: "been", "seen", "treated"; "stato", "visto",
// "mangiato". Only tested in a negated clause, before a degree word.
bool past_participle(std::string_view w, Lang lang) {
  const auto ends = [&](std::string_view tail) {
    return w.size() > tail.size() + 1 && w.substr(w.size() - tail.size()) == tail;
  };
  if (lang == Lang::En) {
    for (const std::string_view irregular :
         {"been", "had", "seen", "met", "eaten", "given", "taken", "gotten", "got", "done", "felt",
          "found", "made", "heard", "paid", "told", "spent", "known"}) {
      if (w == irregular) return true;
    }
    return w.size() >= 5 && ends("ed");  // "treated", "served"; not "need" or "bed"
  }
  for (const std::string_view tail :
       {"ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ite"}) {
    if (ends(tail)) return true;
  }
  return w == "visto" || w == "vista" || w == "visti" || w == "viste" || w == "fatto" ||
         w == "preso" || w == "messo" || w == "letto";
}

// A degree word that can start an exclamative comparison.
bool degree_word(std::string_view w, Lang lang) {
  if (lang == Lang::It) {
    return w == "così" || w == "talmente" || w == "tanto" || w == "tanta" || w == "tale";
  }
  return w == "so" || w == "such";
}

// "in years", "in ages", "in a (long) while", "in a long time"; "da anni", "da tempo", "da una
// vita": a span of time starting at token `k`.
bool time_span_at(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  const auto word = [&](std::uint32_t i) { return norm_within(t, i, end); };
  if (word(k) != (lang == Lang::It ? "da" : "in")) return false;
  std::uint32_t i = k + 1;
  if (word(i) == (lang == Lang::It ? "una" : "a")) ++i;
  const bool long_span = lang == Lang::En && word(i) == "long";
  if (long_span) ++i;
  const std::string_view span = word(i);
  if (lang == Lang::It) {
    return span == "anni" || span == "tempo" || span == "mesi" || span == "secoli" ||
           span == "vita" || span == "settimane" || span == "decenni";
  }
  return span == "years" || span == "ages" || span == "while" || (long_span && span == "time") ||
         span == "forever" || span == "decades" || span == "months" || span == "weeks" ||
         span == "lifetime";
}

// A negated opinion that is really an exclamative comparison, which says the opinion strongly,
// not its opposite. The negator is in [from, opinion_first); the clause ends at clause_end.
//  - "Never ... so / such" after a past participle compares with every past experience: "never
//    been treated so rudely", "mai mangiato così bene". Without the experience it stays a
//    negation: "it is never so crowded", "non è mai così affollato".
//  - "This" right before the opinion, after a participle, compares with now: "haven't been this
//    happy", "hasn't felt this bad"; "not so good" stays a negation.
//  - A degree word and a span of time after the opinion: "not eaten so well in years", "non
//    mangiavo così bene da anni".
bool exclamative_comparison(const TokenizedText& t, Lang lang, std::uint32_t from,
                            std::uint32_t opinion_first, std::uint32_t opinion_end,
                            std::uint32_t clause_end) {
  const bool it = lang == Lang::It;
  bool never = false, experienced = false, degree = false;
  for (std::uint32_t k = from; k < opinion_first; ++k) {
    const std::string_view w = t.tokens[k].norm;
    if (it ? w == "mai" : w == "never") {
      never = true;
    } else if (past_participle(w, lang)) {
      experienced = true;
    } else if (degree_word(w, lang)) {
      if (never && experienced) return true;
      degree = true;
    } else if (!it && w == "this" && experienced && k + 1 == opinion_first) {
      return true;
    }
  }
  if (!degree) return false;
  const std::uint32_t reach = std::min(clause_end, opinion_end + kTimeSpanReach);
  for (std::uint32_t k = opinion_end; k < reach; ++k) {
    if (time_span_at(t, lang, k, clause_end)) return true;
  }
  return false;
}

// "Never ... before", "mai ... prima": a first experience, not a lack ("never been here before").
bool first_experience(const TokenizedText& t, Lang lang, std::uint32_t from, std::uint32_t end) {
  const std::string_view before = lang == Lang::It ? "prima" : "before";
  for (std::uint32_t k = from; k < end; ++k) {
    if (t.tokens[k].norm == before) return true;
  }
  return false;
}

// The first of `v` (in token order) that starts at or after token `tok`.
template <typename Range>
auto starting_at(const Range& v, std::uint32_t tok) {
  return std::lower_bound(v.begin(), v.end(), tok,
                          [](const auto& x, std::uint32_t t) { return x.first < t; });
}

// A strong negator of clause `c`, before any closing tag, that took no opinion word and so states
// a lack or a failure: "no hot water", "never arrived", "non mi hanno risposto". Not a first
// experience, nor an exclamative comparison whose opinion lies beyond the negator's reach ("mai
// visto un cibo così buono"). Null when there is none.
const Modifier* lacking_negator(const TokenizedText& t, Lang lang, const Clause& c,
                                std::span<const Modifier> mods, std::span<const Item> items,
                                std::uint32_t tag_from) {
  const auto negator =
      std::find_if(starting_at(mods, c.first_token), mods.end(), [&](const Modifier& m) {
        return m.first >= c.end_token ||
               (m.end <= c.end_token && m.first < tag_from &&
                m.entry->kind == ModifierKind::Negator && m.entry->weight >= kAbsenceMinStrength);
      });
  if (negator == mods.end() || negator->first >= c.end_token ||
      first_experience(t, lang, negator->end, c.end_token))
    return nullptr;
  const std::uint32_t reach = std::min(c.end_token, negator->end + kExclamativeReach);
  for (auto item = starting_at(items, negator->end); item != items.end() && item->first < reach;
       ++item) {
    if (exclamative_comparison(t, lang, negator->first, item->first, item->end, c.end_token))
      return nullptr;
  }
  return &*negator;
}

// How many tokens from `k` make the English suffix "free" or "-free" ("guilt free", "pain-free"),
// or 0. Italian says it with a negator before ("senza stress").
std::uint32_t free_suffix(const TokenizedText& t, Lang lang, std::uint32_t k, std::uint32_t end) {
  if (lang != Lang::En) return 0;
  const std::uint32_t hyphen = norm_within(t, k, end) == "-";
  return norm_within(t, k + hyphen, end) == "free" ? hyphen + 1 : 0;
}

// True when `first`, an entry's first token, is a negator itself ("nessun" in "nessun problema").
bool opens_with_negator(const LanguageLexicon& lang, const Token& first) {
  const ModifierEntry* m = lang.modifiers.word(first.norm);
  return m != nullptr && m->kind == ModifierKind::Negator;
}

// A weight as the explanation prints it ("1.50").
std::string factor_text(double v) {
  return std::to_string(v).substr(0, 4);
}

// Multiplies a clause's contrast weight, within [0, kMaxClauseWeight].
void weigh(Clause& c, double factor) {
  c.weight = std::clamp(c.weight * factor, 0.0, kMaxClauseWeight);
}

bool whole_text_caps(const TokenizedText& t) {
  int words = 0, caps = 0;
  for (const Token& tok : t.tokens) {
    if (tok.kind != TokenKind::Word || tok.norm.size() < 2) continue;
    ++words;
    caps += tok.all_caps;
  }
  return words > 0 && caps == words;
}

}  // namespace

const char* label_name(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::Positive:
      return "positive";
    case SentimentLabel::Negative:
      return "negative";
    case SentimentLabel::Neutral:
      return "neutral";
    case SentimentLabel::Mixed:
      return "mixed";
  }
  return "neutral";
}

bool intensity(ModifierKind k) {
  return k == ModifierKind::Booster || k == ModifierKind::Dampener || k == ModifierKind::Excess;
}

// A booster or dampener also listed as an opinion word ("damn", "crazy") is that opinion word when
// no opinion word follows it within its reach in the clause: "Damn this is sticky", "So crazy."
bool intensifies_nothing(const TokenizedText& text, const LanguageLexicon& lang,
                         const ModifierEntry& m, std::uint32_t end, std::uint32_t sentence_end) {
  if (!intensity(m.kind)) return false;
  for (std::uint32_t j = end; j < sentence_end && j < end + kIntensityReach; ++j) {
    const Token& t = text.tokens[j];
    if (is_clause_boundary(t)) return true;
    if (t.kind == TokenKind::Emoji || t.kind == TokenKind::Emoticon) return false;
    if (lang.sentiment.longest(text.tokens, j, sentence_end)) return false;
  }
  return true;
}

bool joins_statements(std::string_view word, Lang lang) {
  return lang == Lang::It ? (word == "e" || word == "ed") : (word == "and" || word == "&");
}

double squash(double raw) {
  if (std::isnan(raw)) return 0;
  // raw * raw overflows beyond 1e154; the result is +-1 to double precision long before.
  if (std::abs(raw) > 1e100) return raw > 0 ? 1 : -1;
  return raw / std::sqrt(raw * raw + 15.0);
}

void SentimentScorer::score(const TokenizedText& text, Lang lang_code,
                            std::vector<TraceStep>* trace, SentimentResult& result) const {
  const LanguageLexicon& lang = lex_.lang(lang_code);
  // Callers test `trace` first, so no explanation string is built when nobody asked for one.
  const auto note = [&](std::string subject, std::string action, std::string source, double v) {
    trace->push_back({std::move(subject), std::move(action), std::move(source), v});
  };
  result.clauses.clear();
  result.opinions.clear();
  result.entries = 0;
  const bool shouting = whole_text_caps(text);
  std::uint32_t segment = 0;
  std::size_t previous_sentence = 0;  // where the clauses of the sentence before start
  // Per-sentence scratch kept per thread: its buffers keep their capacity between sentences.
  thread_local std::vector<Item> items;
  thread_local std::vector<Modifier> mods;
  thread_local std::vector<bool> in_modifier;
  thread_local std::vector<Clause> clauses;
  thread_local std::vector<bool> negation_used;        // per clause: a negator took an opinion word
  thread_local std::vector<double> negation_boost_of;  // per clause: its strongest "at all"
  thread_local std::vector<std::uint32_t> plain_before;  // non-modifier tokens before each one

  for (std::uint32_t si = 0; si < text.sentences.size(); ++si) {
    const Sentence& sent = text.sentences[si];
    items.clear();
    mods.clear();

    // 1. Entries: the longest lexicon or modifier match at each position.
    for (std::uint32_t i = sent.first_token; i < sent.end_token;) {
      const Token& tok = text.tokens[i];
      if (tok.kind == TokenKind::Punct) {
        ++i;
        continue;
      }
      if (tok.kind == TokenKind::Emoji || tok.kind == TokenKind::Emoticon) {
        auto it = lex_.emoji.find(tok.norm);
        // An emphatic emoticon is its plain form: "<333" is "<3", ":)))" is ":)", "xDDD" is "xD".
        if (it == lex_.emoji.end() && tok.kind == TokenKind::Emoticon) {
          it = lex_.emoji.find(squeeze_runs(tok.norm));
        }
        if (it != lex_.emoji.end()) {
          items.push_back({.first = i,
                           .end = i + 1,
                           .valence = it->second.valence,
                           .emoji = true,
                           .src = it->second.src});
        }
        ++i;
        continue;
      }
      const auto sm = lang.sentiment.longest(text.tokens, i, sent.end_token);
      const auto mm = lang.modifiers.longest(text.tokens, i, sent.end_token);
      if (sm && (!mm || sm->length > mm->length ||
                 (sm->length == mm->length &&
                  intensifies_nothing(text, lang, *mm->payload, i + mm->length, sent.end_token)))) {
        const auto match_end = static_cast<std::uint32_t>(i + sm->length);
        const std::uint32_t free =
            sm->payload->valence < 0 ? free_suffix(text, lang_code, match_end, sent.end_token) : 0;
        items.push_back({.first = i,
                         .end = match_end + free,
                         .valence = sm->payload->valence,
                         .interjection = sm->payload->kind == EntryKind::Interjection,
                         .free_of = free > 0,
                         .src = sm->payload->src});
        i = match_end + free;
        continue;
      }
      if (mm && mm->payload->kind == ModifierKind::Excess) {
        // "too high", "troppo piccolo": excess of something the lexicon has no opinion on.
        const auto next = static_cast<std::uint32_t>(i + mm->length);
        if (next < sent.end_token && text.tokens[next].kind == TokenKind::Word &&
            !lang.sentiment.longest(text.tokens, next, sent.end_token)) {
          items.push_back(
              {.first = i, .end = next + 1, .valence = kExcess, .src = mm->payload->src});
          i = next + 1;
          continue;
        }
      }
      if (mm) {
        const auto end = static_cast<std::uint32_t>(i + mm->length);
        mods.push_back({i, end, mm->payload});
        i = end;
        continue;
      }
      // Emphatic spelling and superlatives the lexicon does not list.
      const SentimentEntry* found = nullptr;
      bool superlative = false;
      if (tok.elongated) {
        found = lang.sentiment.word(collapse_repeats(tok.norm, 2));
        if (!found) found = lang.sentiment.word(collapse_repeats(tok.norm, 1));
      }
      if (!found && lang_code == Lang::It) {
        found = superlative_base(lang, tok.norm);
        superlative = found != nullptr;
      }
      if (found) {
        items.push_back({.first = i,
                         .end = i + 1,
                         .valence = found->valence,
                         .interjection = found->kind == EntryKind::Interjection,
                         .superlative = superlative,
                         .src = found->src});
      }
      ++i;
    }

    in_modifier.assign(sent.end_token - sent.first_token, false);
    for (const Modifier& m : mods) {
      for (std::uint32_t k = m.first; k < m.end; ++k) in_modifier[k - sent.first_token] = true;
    }

    // 2. Clauses: split at clause punctuation and before contrast / concessive words.
    clauses.clear();
    const auto open_clause = [&](std::uint32_t first) {
      if (!clauses.empty()) clauses.back().end_token = first;
      Clause c;
      c.sentence = si;
      c.first_token = first;
      c.segment = segment;
      clauses.push_back(c);
    };
    open_clause(sent.first_token);
    std::size_t next_mod = 0;
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
      while (next_mod < mods.size() && mods[next_mod].first < i) ++next_mod;
      const bool splits = next_mod < mods.size() && mods[next_mod].first == i &&
                          (mods[next_mod].entry->kind == ModifierKind::Contrast ||
                           mods[next_mod].entry->kind == ModifierKind::Concessive);
      if (splits && i > clauses.back().first_token) {
        ++segment;
        open_clause(i);
        clauses.back().segment = segment;
      } else if (splits) {
        ++segment;
        clauses.back().segment = segment;
      }
      if (is_clause_boundary(text.tokens[i]) && i + 1 < sent.end_token) {
        if (text.tokens[i].norm == ";") ++segment;
        open_clause(i + 1);
      }
    }
    clauses.back().end_token = sent.end_token;
    const auto clause_of = [&](std::uint32_t tok) -> Clause& {
      const auto after =
          std::upper_bound(clauses.begin(), clauses.end(), tok,
                           [](std::uint32_t t, const Clause& c) { return t < c.first_token; });
      if (after != clauses.begin() && tok < std::prev(after)->end_token) return *std::prev(after);
      return clauses.back();
    };

    // Contrast and concessive weights.
    int contrasts = 0;
    for (const Modifier& m : mods) {
      const double w = m.entry->weight;
      if (m.entry->kind == ModifierKind::Contrast && ++contrasts <= kMaxContrasts) {
        for (Clause& c : clauses) weigh(c, c.first_token < m.first ? 2.0 - w : w);
        // A sentence that opens with "But" / "Però" turns against the sentence before it.
        const bool opens_sentence =
            std::all_of(text.tokens.begin() + sent.first_token, text.tokens.begin() + m.first,
                        [](const Token& t) { return t.kind == TokenKind::Punct; });
        if (opens_sentence) {
          for (auto c = result.clauses.begin() + previous_sentence; c != result.clauses.end(); ++c)
            weigh(*c, 2.0 - w);
        }
        if (trace)
          note(span_text(text, m.first, m.end),
               std::string(opens_sentence ? "contrast with the previous sentence" : "contrast") +
                   ": before x" + factor_text(2.0 - w) + ", after x" + factor_text(w),
               lex_.where(m.entry->src), 0);
      } else if (m.entry->kind == ModifierKind::Concessive) {
        weigh(clause_of(m.first), w);
        if (trace)
          note(span_text(text, m.first, m.end), "concessive: its clause x" + factor_text(w),
               lex_.where(m.entry->src), 0);
      }
    }

    const QuestionScope question = question_scope(text, lang_code, sent, clauses);
    int exclamations = 0;
    for (std::uint32_t i = sent.first_token; i < sent.end_token; ++i) {
      exclamations += text.tokens[i].norm == "!";
    }

    // A negator standing alone as its clause is a refusal, not a negation: "No!", "No and no."
    negation_used.assign(clauses.size(), false);
    for (Clause& c : clauses) {
      std::uint32_t words = 0;
      for (std::uint32_t k = c.first_token; k < c.end_token; ++k)
        words += text.tokens[k].kind != TokenKind::Punct;
      const auto m = std::find_if(
          starting_at(mods, c.first_token), mods.cend(),
          [&](const Modifier& x) { return x.first >= c.end_token || x.end <= c.end_token; });
      if (words == 1 && m != mods.end() && m->first < c.end_token &&
          m->entry->kind == ModifierKind::Negator && m->end == m->first + 1) {
        c.raw += kRefusal;
        ++c.entries;
        negation_used[&c - clauses.data()] = true;
        if (trace)
          note(span_text(text, m->first, m->end), "a negator alone: a refusal",
               lex_.where(m->entry->src), kRefusal);
      }
    }

    // 3. Each entry, adjusted by the modifiers of its clause.
    negation_boost_of.assign(clauses.size(), 0.0);
    for (const Modifier& m : mods) {
      if (m.entry->kind != ModifierKind::NegationBooster) continue;
      double& boost = negation_boost_of[&clause_of(m.first) - clauses.data()];
      boost = std::max(boost, static_cast<double>(m.entry->weight));
    }
    plain_before.resize(sent.end_token - sent.first_token + 1);
    plain_before[0] = 0;
    for (std::uint32_t k = 0; k + sent.first_token < sent.end_token; ++k)
      plain_before[k + 1] = plain_before[k] + !in_modifier[k];
    next_mod = 0;
    std::size_t last_irrealis = mods.size();
    for (const Item& item : items) {
      Clause& clause = clause_of(item.first);
      // Explanations are built only for `explain`: they cost more than the scoring itself.
      const std::string subject = trace ? span_text(text, item.first, item.end) : std::string();
      double v = item.valence;
      if (trace) {
        note(subject,
             item.emoji          ? "emoji"
             : item.interjection ? "interjection: the writer's own feeling, not negated or asked"
                                 : "lexicon entry",
             lex_.where(item.src), v);
      }
      if (item.emoji) {
        clause.raw += v;
        ++clause.entries;
        result.opinions.push_back({item.first, item.end, v});
        continue;
      }
      if (item.free_of) {
        v *= -kFreeOf;
        if (trace) note(subject, "free of something bad: praise x-0.6", "rule", v);
      }
      if (item.superlative) {
        v *= kSuperlative;
        if (trace) note(subject, "superlative -issimo x1.3", "rule", v);
      }
      // Modifiers before the entry, inside its clause.
      const Modifier* negator = nullptr;
      double negation_boost = 0;
      double scale = 1;
      const Modifier* irrealis = nullptr;
      for (; next_mod < mods.size() && mods[next_mod].first < item.first; ++next_mod) {
        if (mods[next_mod].entry->kind == ModifierKind::Irrealis) last_irrealis = next_mod;
      }
      if (!item.interjection) {
        negation_boost = negation_boost_of[&clause - clauses.data()];
        if (last_irrealis < next_mod && mods[last_irrealis].first >= clause.first_token)
          irrealis = &mods[last_irrealis];
        // The modifiers before the entry, nearest first, up to kMaxModifiersInScope and while
        // within reach. Modifier words between do not use up the scope: "non è per niente buono".
        const Modifier* intensifiers[kMaxModifiersInScope];
        std::size_t n_intensifiers = 0;
        for (std::size_t j = next_mod, read = 0;
             j > 0 && read < kMaxModifiersInScope && mods[j - 1].first >= clause.first_token;
             --j, ++read) {
          const Modifier& m = mods[j - 1];
          const std::uint32_t distance =
              plain_before[item.first - sent.first_token] - plain_before[m.end - sent.first_token];
          if (distance > kNegationScope) break;
          const ModifierKind k = m.entry->kind;
          // The nearest negator within scope: a later one continues the same negation ("non ...
          // mai"); a negated opinion followed by "and" closes it ("not pretentious and very
          // cheap").
          if (k == ModifierKind::Negator && negator == nullptr &&
              !closed_by_conjunction(text, lang_code, m.end, item.first)) {
            negator = &m;
          } else if (intensity(k) && distance <= 2) {
            intensifiers[n_intensifiers++] = &m;
          }
        }
        while (n_intensifiers > 0) {  // in token order, as they apply
          const ModifierEntry& e = *intensifiers[--n_intensifiers]->entry;
          const double f = e.kind == ModifierKind::Dampener ? 1.0 - e.weight : 1.0 + e.weight;
          scale = std::clamp(scale * f, -kMaxScale, kMaxScale);
        }
      }
      if (scale != 1) {
        v *= scale;
        if (trace) note(subject, "booster/dampener x" + factor_text(scale), "rule", v);
      }
      if (negator) negation_used[&clause - clauses.data()] = true;
      // "Non c'è nessun problema", "non ho mai avuto problemi": an entry that opens with a
      // negator of its own holds the negation already, and the one before agrees with it.
      if (negator && opens_with_negator(lang, text.tokens[item.first])) {
        if (trace) {
          note(span_text(text, negator->first, negator->end) + " ... " + subject,
               "the entry holds its own negation: the negator before agrees with it", "rule", v);
        }
        negator = nullptr;
      }
      if (negator && exclamative_comparison(text, lang_code, negator->first, item.first, item.end,
                                            clause.end_token)) {
        if (trace) {
          note(span_text(text, negator->first, negator->end) + " ... " + subject,
               "exclamative comparison (never ... so, not ... this, not so ... in years): not "
               "a negation",
               "rule", v);
        }
        negator = nullptr;
      }
      if (negator && question.rhetorical) {
        if (trace) {
          note(span_text(text, negator->first, negator->end) + " ... " + subject,
               "rhetorical question (isn't it…?, non è…?): not a negation", "rule", v);
        }
        negator = nullptr;
      }
      if (negator) {
        const double strength = negator->entry->weight * (1.0 + negation_boost);
        if (v > 0) {
          v = -v * kNegatedPositive * strength;
        } else if (v > kStrongNegative) {
          v = -v * kNegatedNegative * strength;
        } else {
          v = 0;
        }
        if (trace)
          note(span_text(text, negator->first, negator->end) + " ... " + subject,
               negation_boost > 0 ? "negation, strengthened" : "negation",
               lex_.where(negator->entry->src), v);
      }
      if (irrealis && v > 0) {
        v *= irrealis->entry->weight;
        if (trace)
          note(subject,
               "irrealis (conditional/wish): positive x" + factor_text(irrealis->entry->weight),
               lex_.where(irrealis->entry->src), v);
      }
      if (question.asks && v > 0 && item.first >= question.from && !question.rhetorical &&
          !item.interjection && !exclamative_how(text, lang_code, question.from, item.first)) {
        v *= kQuestionPositive;
        if (trace) note(subject, "question: a positive word asks, it does not praise", "rule", v);
      }
      const bool caps =
          std::any_of(text.tokens.begin() + item.first, text.tokens.begin() + item.end,
                      [](const Token& t) { return t.all_caps; });
      if (caps && !shouting) {
        v *= kAllCaps;
        if (trace) note(subject, "ALL CAPS x1.25", "rule", v);
      }
      if (text.tokens[item.first].elongated) {
        v *= kElongated;
        if (trace) note(subject, "elongated x1.15", "rule", v);
      }
      clause.raw += v;
      ++clause.entries;
      result.opinions.push_back({item.first, item.end, v});
    }
    for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
      if (negation_used[ci]) continue;
      Clause& c = clauses[ci];
      const Modifier* negator = lacking_negator(text, lang_code, c, mods, items, question.tag_from);
      if (!negator) continue;
      c.raw += kAbsence;
      ++c.entries;
      if (trace)
        note(span_text(text, negator->first, negator->end),
             "negator with no opinion word to negate: a lack", lex_.where(negator->entry->src),
             kAbsence);
    }
    if (exclamations > 0) {
      const double boost = kExclamation * std::min(exclamations, 4);
      bool opinion = false;
      for (Clause& c : clauses) {
        opinion = opinion || c.entries > 0;
        if (c.raw != 0) c.raw += c.raw > 0 ? boost : -boost;
      }
      // Exclamations with no opinion word and no question are excitement: "Ready for a movie!!"
      if (!opinion && !question.marked) {
        clauses.front().raw += kExcitement;
        ++clauses.front().entries;
        if (trace)
          note("sentence " + std::to_string(si + 1),
               "exclamation without opinion words: excitement", "rule", kExcitement);
      }
      if (trace)
        note("sentence " + std::to_string(si + 1),
             "exclamation marks: +" + factor_text(boost) + " intensity", "rule", 0);
    }
    ++segment;
    previous_sentence = result.clauses.size();
    for (Clause& c : clauses) result.clauses.push_back(c);
  }

  double raw = 0;
  bool strong_pos = false, strong_neg = false;
  for (const Clause& c : result.clauses) {
    raw += c.raw * c.weight;
    result.entries += c.entries;
    strong_pos = strong_pos || c.raw >= kMixedThreshold;
    strong_neg = strong_neg || c.raw <= -kMixedThreshold;
  }
  result.compound = squash(raw);
  if (strong_pos && strong_neg) {
    result.label = SentimentLabel::Mixed;
  } else if (result.compound >= 0.05) {
    result.label = SentimentLabel::Positive;
  } else if (result.compound <= -0.05) {
    result.label = SentimentLabel::Negative;
  } else {
    result.label = SentimentLabel::Neutral;
  }
}

}  // namespace ascolto

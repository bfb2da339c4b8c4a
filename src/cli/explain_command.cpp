#include "cli/explain_command.h"

#include <boost/program_options.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>

#include "analysis/analyzer.h"
#include "analysis/theme_examples.h"
#include "cli/shared_options.h"
#include "common/error.h"
#include "io/csv_reader.h"
#include "report/evaluation.h"
#include "text/html_entities.h"

namespace ascolto {

namespace po = boost::program_options;

namespace {

const char* kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::Word:
      return "";
    case TokenKind::Number:
      return "number";
    case TokenKind::Emoji:
      return "emoji";
    case TokenKind::Emoticon:
      return "emoticon";
    case TokenKind::Punct:
      return "punct";
  }
  return "";
}

// The clause as the customer wrote it ("I'll", not the lookup forms "i" "will").
std::string_view clause_text(std::string_view text, const TokenizedText& t, const Clause& c) {
  if (c.first_token >= c.end_token) return {};
  const std::uint32_t start = t.tokens[c.first_token].start;
  return text.substr(start, t.tokens[c.end_token - 1].end - start);
}

}  // namespace

int run_explain(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto explain \"TEXT\" [--lang it|en] [options]\n\n"
      "Shows how a comment is read: its tokens, every lexicon entry matched (with file:line),\n"
      "each rule applied and its effect, the clause scores, the final score and the themes.\n\n"
      "Options");
  LexiconCliOptions lex_opt;
  desc.add_options()("help,h", "show this help");
  add_lexicon_options(desc, lex_opt);
  std::vector<std::string> texts;
  if (!parse_with_positional(args, desc, "text", texts)) return 0;
  if (texts.empty()) throw UsageError("no text to explain (see --help)");
  std::string text;
  for (const auto& t : texts) text += (text.empty() ? "" : " ") + t;

  const auto lex = load_from_options(lex_opt, argv0);
  Analyzer analyzer(*lex, parse_lang(lex_opt.lang));
  text = decode_html_entities(text);
  const Explanation x = analyzer.explain(text);
  const Analysis& a = x.analysis;
  std::cout << "Language: " << lang_code(a.lang)
            << (lex_opt.lang == "auto" ? " (detected)" : " (forced)")
            << "\nSentences: " << a.sentences << "\nTokens:";
  for (const Token& t : x.tokens.tokens) {
    std::cout << " [" << t.norm;
    if (*kind_name(t.kind)) std::cout << " " << kind_name(t.kind);
    if (t.all_caps) std::cout << " CAPS";
    if (t.elongated) std::cout << " elongated";
    std::cout << "]";
  }
  std::cout << "\n\nSentiment steps:\n";
  char buf[512];
  if (x.steps.empty()) std::cout << "  (no lexicon entry matched)\n";
  for (const TraceStep& s : x.steps) {
    std::snprintf(buf, sizeof buf, "  %-26s %-44s %+6.2f  %s\n", s.subject.c_str(),
                  s.action.c_str(), s.value, s.source.c_str());
    std::cout << buf;
  }
  std::cout << "\nClauses:\n";
  for (std::size_t i = 0; i < x.sentiment.clauses.size(); ++i) {
    const Clause& c = x.sentiment.clauses[i];
    // The clause is printed apart: a long one must not be cut at the buffer's size.
    std::snprintf(buf, sizeof buf, "  sum %+.2f  weight %.2f\n", c.raw, c.weight);
    std::cout << "  " << i + 1 << ". \"" << clause_text(text, x.tokens, c) << '"' << buf;
  }
  std::snprintf(buf, sizeof buf, "\nScore: %+.3f  label: %s\n", a.score, label_name(a.label));
  std::cout << buf << "\nThemes:";
  if (a.mentions.empty()) std::cout << " none";
  std::cout << "\n";
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention& m = a.mentions[i];
    std::snprintf(buf, sizeof buf, "  %-32s \"%s\" [%u,%u)  sentiment %+.2f  %-10s %s\n",
                  m.theme.c_str(), m.text.c_str(), m.start, m.end, m.sentiment,
                  intent_name(m.intent), lex->where(x.theme_spans[i].src).c_str());
    std::cout << buf;
  }
  std::cout << "\nIntent per sentence:";
  for (std::size_t i = 0; i < x.intents.size(); ++i) {
    std::cout << " " << i + 1 << "." << intent_name(x.intents[i]);
  }
  const Signals& sig = a.signals;
  const char* rec = recommendation_name(sig.recommendation);
  std::cout << "\nSignals: churn intent " << (sig.churn_intent ? "yes" : "no")
            << ", repeat contact " << (sig.repeat_contact ? "yes" : "no") << ", recommendation "
            << (rec ? rec : "none") << "\n";
  for (const SignalSpan& span : x.signal_spans) {
    std::string phrase;
    for (std::uint32_t t = span.first_token; t < span.end_token; ++t) {
      phrase += (phrase.empty() ? "" : " ") + x.tokens.tokens[t].norm;
    }
    std::cout << "  " << signal_kind_name(span.kind) << (span.negated ? " (negated)" : "") << " \""
              << phrase << "\"  " << lex->where(span.src) << "\n";
  }
  return 0;
}

int run_lexicon(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto lexicon check [DIR] [--pack NAME...]\n\n"
      "Loads and validates a lexicon directory (default: the shipped one) and its packs: column\n"
      "counts, valences and weights in range, duplicate entries with different values, unknown\n"
      "modifier kinds and theme ids, invalid RE2 rules, patterns shadowed by another, and the\n"
      "example sentences of theme_examples.tsv (each must, or must not, get its theme). Errors\n"
      "are printed as file:line; the base patterns a pack overrides are listed.\n\n"
      "Options");
  std::vector<std::string> packs;
  desc.add_options()("help,h", "show this help")("pack", po::value(&packs)->composing(),
                                                 "pack to check too");
  std::vector<std::string> positional;
  if (!parse_with_positional(args, desc, "arg", positional)) return 0;
  if (positional.empty() || positional[0] != "check" || positional.size() > 2) {
    throw UsageError("expected: ascolto lexicon check [DIR]");
  }
  LexiconCliOptions o;
  if (positional.size() == 2) o.dir = positional[1];
  o.packs = packs;
  const auto lex = load_from_options(o, argv0);
  std::cout << (o.dir.empty() ? default_lexicon_dir(argv0) : o.dir) << ": ok\n  themes "
            << lex->taxonomy.size() << ", emoji " << lex->emoji.size() << "\n";
  for (const auto& [code, lang] :
       {std::pair<const char*, const LanguageLexicon*>{"it", &lex->it}, {"en", &lex->en}}) {
    std::cout << "  " << code << ": sentiment " << lang->sentiment.size() << ", modifiers "
              << lang->modifiers.size() << ", theme patterns "
              << lang->themes.size() + lang->rules.size() << " (" << lang->rules.size()
              << " RE2 rules), stopwords " << lang->stopwords.size() << ", theme examples "
              << lang->examples.size() << "\n";
    for (const PatternOverride& o : lang->overrides) {
      std::cout << "  note: " << lex->where(o.pack) << ": '" << o.term << "' overrides "
                << lex->where(o.base) << "\n";
    }
  }
  const auto failures = check_theme_examples(*lex);
  for (const ExampleFailure& f : failures) {
    const ThemeExample& ex = *f.example;
    std::string found;
    for (const auto& t : f.themes_found) found += (found.empty() ? "" : ", ") + t;
    std::cerr << lex->where(ex.src) << ": \"" << ex.text << "\" "
              << (ex.must_match ? "should be tagged " : "should not be tagged ")
              << lex->taxonomy.at(ex.theme).id << " (got: " << (found.empty() ? "none" : found)
              << ")\n";
  }
  if (!failures.empty()) {
    std::cerr << failures.size() << " theme example(s) failed\n";
    return 1;
  }
  return 0;
}

int run_eval(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto eval --gold FILE.csv [--lang it|en] [options]\n\n"
      "Scores Ascolto's sentiment against a hand-labelled CSV with columns id, text, gold_label\n"
      "(positive, negative, neutral; mixed rows are skipped) and optionally gold_score in [-1, 1]\n"
      "and lang. Prints accuracy, per-class and macro F1, Pearson r and a confusion matrix.\n"
      "A CSV with a themes column instead (id, text, themes: theme ids separated by ';',\n"
      "'none' for no theme) is scored per theme: precision, recall and F1.\n\n"
      "Options");
  LexiconCliOptions lex_opt;
  std::string gold;
  desc.add_options()("help,h", "show this help")("gold", po::value(&gold)->required(),
                                                 "labelled CSV file");
  add_lexicon_options(desc, lex_opt);
  std::vector<std::string> none;
  if (!parse_with_positional(args, desc, "unused", none)) return 0;
  if (!none.empty()) throw UsageError("unexpected argument '" + none[0] + "'");

  const auto lex = load_from_options(lex_opt, argv0);
  const Lang forced = parse_lang(lex_opt.lang);
  Analyzer analyzer(*lex, forced), italian(*lex, Lang::It), english(*lex, Lang::En);
  CsvReader reader(Utf8Source::open(gold, ""), {});
  const auto& h = reader.header();
  const auto col = [&](const char* name, bool required) -> std::ptrdiff_t {
    for (std::size_t i = 0; i < h.size(); ++i) {
      if (h[i] == name) return static_cast<std::ptrdiff_t>(i);
    }
    if (required) throw InputError({gold, 1, 0}, std::string("column '") + name + "' not found");
    return -1;
  };
  // A `themes` column (id,text,themes) makes it a theme evaluation; else sentiment.
  const auto themes = col("themes", false);
  const auto text = col("text", true), label = themes >= 0 ? -1 : col("gold_label", true),
             score = col("gold_score", false), lang = col("lang", false);
  std::vector<LabelledPrediction> rows;
  std::vector<ThemeLabelled> theme_rows;
  RawRecord rec;
  std::size_t bad = 0;
  while (reader.next(rec)) {
    if (rec.error || rec.fields.size() != h.size()) {
      std::cerr << gold << ":" << rec.line
                << ": skipped: " << (rec.error ? rec.error->message : "wrong number of fields")
                << "\n";
      ++bad;
      continue;
    }
    Analyzer* use = &analyzer;
    if (lang >= 0 && forced == Lang::Und) {
      const std::string& code = rec.fields[static_cast<std::size_t>(lang)];
      if (code == "it") use = &italian;
      if (code == "en") use = &english;
    }
    const Analysis a =
        use->analyze(decode_html_entities(rec.fields[static_cast<std::size_t>(text)]));
    if (themes >= 0) {
      ThemeLabelled t{parse_theme_list(rec.fields[static_cast<std::size_t>(themes)]), {}};
      for (const Mention& m : a.mentions) t.predicted.push_back(m.theme);
      theme_rows.push_back(std::move(t));
      continue;
    }
    LabelledPrediction p;
    p.gold_label = rec.fields[static_cast<std::size_t>(label)];
    if (score >= 0) {
      const std::string& g = rec.fields[static_cast<std::size_t>(score)];
      double v = 0;
      const auto [end, ec] = std::from_chars(g.data(), g.data() + g.size(), v);
      if (ec == std::errc() && end == g.data() + g.size()) p.gold_score = v;
    }
    p.predicted_label = label_name(a.label);
    p.predicted_score = a.score;
    rows.push_back(std::move(p));
  }
  if (themes >= 0) {
    print_theme_evaluation(evaluate_themes(theme_rows), std::cout);
  } else {
    print_evaluation(evaluate(rows), std::cout);
  }
  return bad > 0 ? 1 : 0;
}

}  // namespace ascolto

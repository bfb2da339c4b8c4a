#include "cli/explain_command.h"

#include <boost/program_options.hpp>

#include <cstdio>
#include <iostream>

#include "analysis/analyzer.h"
#include "cli/shared_options.h"
#include "common/error.h"
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

}  // namespace ascolto

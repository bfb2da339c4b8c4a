#include "cli/lexicon_command.h"

#include <boost/program_options.hpp>

#include <iostream>

#include "analysis/theme_examples.h"
#include "cli/shared_options.h"
#include "common/error.h"

namespace ascolto {

namespace po = boost::program_options;

int run_lexicon(const std::vector<std::string>& args, const std::string& argv0) {
  po::options_description desc(
      "Usage: ascolto lexicon check [DIR] [--pack NAME...]\n\n"
      "Loads and validates a lexicon directory (default: the shipped one) and its packs: column\n"
      "counts, valences and weights in range, duplicate entries with different values, unknown\n"
      "modifier kinds and theme ids, invalid RE2 rules, patterns shadowed by another, and the\n"
      "example sentences of theme_examples.tsv (each must, or must not, get its theme). Every\n"
      "invalid line is printed as file:line (exit 3); the base patterns a pack overrides are\n"
      "listed.\n\n"
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
  std::vector<LexiconError> errors;
  const auto lex = load_from_options(o, argv0, {}, &errors);
  if (!errors.empty()) {
    for (const LexiconError& e : errors) std::cerr << "ascolto lexicon: " << e.what() << "\n";
    std::cerr << errors.size()
              << " invalid line(s); the theme examples are checked once they are fixed\n";
    return 3;
  }
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

}  // namespace ascolto

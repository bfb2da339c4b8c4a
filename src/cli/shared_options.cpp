#include "cli/shared_options.h"

#include <iostream>

namespace ascolto {

namespace po = boost::program_options;

void add_lexicon_options(po::options_description& desc, LexiconCliOptions& o) {
  desc.add_options()("lang", po::value(&o.lang)->default_value("auto"), "auto, it or en")(
      "lexicons", po::value(&o.dir), "lexicon directory (default: the shipped one)")(
      "pack", po::value(&o.packs)->composing(), "domain pack to add (repeatable)")(
      "extra-lexicon", po::value(&o.extra)->composing(),
      "TSV of term<TAB>valence added on top, overriding shipped entries (repeatable)");
}

bool parse_with_positional(const std::vector<std::string>& args,
                           const po::options_description& desc, const char* name,
                           std::vector<std::string>& positional) {
  po::options_description hidden;
  hidden.add_options()(name, po::value(&positional)->composing());
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add(name, -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return false;
  }
  po::notify(vm);
  return true;
}

std::string lexicon_dir(const LexiconCliOptions& o, const std::string& argv0) {
  return o.dir.empty() ? default_lexicon_dir(argv0) : o.dir;
}

std::unique_ptr<Lexicons> load_from_options(const LexiconCliOptions& o, const std::string& argv0) {
  LexiconOptions lex;
  lex.dir = lexicon_dir(o, argv0);
  lex.packs = o.packs;
  lex.extra_sentiment = o.extra;
  return load_lexicons(lex);
}

}  // namespace ascolto

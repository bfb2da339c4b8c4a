#include "cli/shared_options.h"

#include <algorithm>
#include <iostream>

#include "common/error.h"

namespace ascolto {

namespace po = boost::program_options;

void add_lexicon_options(po::options_description& desc, LexiconCliOptions& o) {
  desc.add_options()("lang", po::value(&o.lang)->default_value("auto"), "auto, it or en")(
      "lexicons", po::value(&o.dir), "lexicon directory (default: the shipped one)")(
      "pack", po::value(&o.packs)->composing(),
      "domain pack to add (repeatable); 'auto' (the default) recognises the packs from the\n"
      "comments' vocabulary, 'none' adds none")(
      "extra-lexicon", po::value(&o.extra)->composing(),
      "TSV of term<TAB>valence (an opinion word) or term<TAB>theme:ID (a brand or product\n"
      "name for a theme) added on top, overriding shipped entries (repeatable)");
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

PackChoice pack_choice(const LexiconCliOptions& o) {
  const auto count = [&](const char* word) {
    return std::count(o.packs.begin(), o.packs.end(), word);
  };
  const auto automatic = count("auto"), none = count("none");
  if ((automatic || none) && o.packs.size() > static_cast<std::size_t>(automatic + none)) {
    throw UsageError("--pack auto and --pack none cannot be combined with pack names");
  }
  if (automatic && none) throw UsageError("--pack auto and --pack none exclude each other");
  if (none) return PackChoice::None;
  return o.packs.empty() || automatic ? PackChoice::Auto : PackChoice::Named;
}

std::unique_ptr<Lexicons> load_from_options(const LexiconCliOptions& o, const std::string& argv0,
                                            const std::vector<std::string>& detected,
                                            std::vector<LexiconError>* errors) {
  LexiconOptions lex;
  lex.errors = errors;
  lex.dir = lexicon_dir(o, argv0);
  if (pack_choice(o) == PackChoice::Named) lex.packs = o.packs;
  lex.packs.insert(lex.packs.end(), detected.begin(), detected.end());
  lex.extra_sentiment = o.extra;
  return load_lexicons(lex);
}

}  // namespace ascolto

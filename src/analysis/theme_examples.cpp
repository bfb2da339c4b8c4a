#include "analysis/theme_examples.h"

#include <algorithm>

#include "analysis/analyzer.h"

namespace ascolto {

std::vector<ExampleFailure> check_theme_examples(const Lexicons& lexicons) {
  std::vector<ExampleFailure> failures;
  for (const Lang lang : {Lang::It, Lang::En}) {
    Analyzer analyzer(lexicons, lang);
    for (const ThemeExample& ex : lexicons.lang(lang).examples) {
      const std::string& id = lexicons.taxonomy.at(ex.theme).id;
      const Analysis a = analyzer.analyze(ex.text);
      std::vector<std::string> found;
      for (const Mention& m : a.mentions) found.push_back(m.theme);
      const bool tagged = std::any_of(found.begin(), found.end(), [&](const std::string& t) {
        return t == id || t.rfind(id + ".", 0) == 0;
      });
      if (tagged != ex.must_match) failures.push_back({&ex, lang, std::move(found)});
    }
  }
  return failures;
}

}  // namespace ascolto

// `ascolto explain "TEXT"`: why Ascolto judged a comment as it did — tokens, the lexicon entries
// matched (file:line), each rule applied and its effect, clause scores, the final score, themes.
// `ascolto lexicon check [DIR]`: loads and validates a lexicon directory (and packs).
// `ascolto eval --gold FILE.csv`: accuracy, F1, Pearson r and confusion against hand labels.
#pragma once

#include <string>
#include <vector>

namespace ascolto {

int run_explain(const std::vector<std::string>& args, const std::string& argv0);
int run_lexicon(const std::vector<std::string>& args, const std::string& argv0);
int run_eval(const std::vector<std::string>& args, const std::string& argv0);

}  // namespace ascolto

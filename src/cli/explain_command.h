// `ascolto explain "TEXT"`: why Ascolto judged a comment as it did — tokens, the lexicon entries
// matched (file:line), each rule applied and its effect, clause scores, the final score, themes.
#pragma once

#include <string>
#include <vector>

namespace ascolto {

int run_explain(const std::vector<std::string>& args, const std::string& argv0);

}  // namespace ascolto

// `ascolto eval --gold FILE.csv`: accuracy, F1, Pearson r and confusion against hand labels.
#pragma once

#include <string>
#include <vector>

namespace ascolto {

int run_eval(const std::vector<std::string>& args, const std::string& argv0);

}  // namespace ascolto

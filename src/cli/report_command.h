// `ascolto report --db PATH`: the overall report (NPS, languages, sentiment, top themes).
#pragma once

#include <string>
#include <vector>

namespace ascolto {

int run_report(const std::vector<std::string>& args, const std::string& argv0);

}  // namespace ascolto

// What `analyze` prints while it runs: the progress line (only when stderr is a terminal) and the
// problems, the first ones in full (file:line:column: kind: reason), then only counted.
//
//   AnalyzeDisplay display;
//   importer.run(display);
//   display.finish();   // "... and N more problems"
#pragma once

#include <chrono>
#include <cstddef>

#include "import/importer.h"

namespace ascolto {

class AnalyzeDisplay : public ImportObserver {
 public:
  AnalyzeDisplay();
  void problem(const std::string& where, const std::string& kind,
               const std::string& reason) override;
  void progress(const ImportProgress& p) override;
  void columns(const std::string& file, const std::string& describe,
               const std::vector<std::string>& warnings) override;
  // Ends the progress line and says how many problems were not shown.
  void finish();
  double elapsed() const;

 private:
  void print(const ImportProgress& p);

  bool terminal_;
  std::chrono::steady_clock::time_point start_, last_;
  ImportProgress latest_;
  std::size_t problems_ = 0;
};

}  // namespace ascolto

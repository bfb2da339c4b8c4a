#include "import/output_paths.h"

#include <filesystem>
#include <system_error>

#include "common/error.h"

namespace ascolto {
namespace {

bool same_file(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == "-" || b == "-") return false;
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

}  // namespace

void refuse_overwriting_input(const std::vector<std::string>& inputs, const std::string& out,
                              const std::string& option) {
  for (const std::string& input : inputs) {
    if (same_file(out, input)) {
      throw OutputError(option + " '" + out + "' is the same file as the input '" + input +
                        "': refusing to overwrite it; write elsewhere");
    }
  }
}

void refuse_clobbering(const std::vector<std::string>& inputs, const std::string& db,
                       const std::string& out) {
  refuse_overwriting_input(inputs, out, "--out");
  for (const std::string& input : inputs) {
    if (same_file(db, input)) {
      throw OutputError("--db '" + db + "' is the same file as the input '" + input +
                        "': refusing to write a database over it");
    }
  }
  if (same_file(out, db)) {
    throw OutputError("--out '" + out + "' is the same file as the database '" + db +
                      "': refusing to overwrite it; write the JSON lines elsewhere");
  }
}

}  // namespace ascolto

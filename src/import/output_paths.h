// Outputs that would destroy an input: refused before anything is opened for writing. Files are
// compared by identity (device and inode, std::filesystem::equivalent), so another spelling of
// the path, a hard link or a symlink is caught too. "-" (standard input or output) is never
// compared; a path that does not exist yet is no clash.
//
//   refuse_clobbering({"survey.csv"}, "feedback.db", "survey.csv");   // throws OutputError
#pragma once

#include <string>
#include <vector>

namespace ascolto {

// Throws OutputError, naming both paths, when `out` (the JSON lines) is the same file as an input
// or as the database, or the database is the same file as an input. Empty paths are absent.
void refuse_clobbering(const std::vector<std::string>& inputs, const std::string& db,
                       const std::string& out);

// Throws OutputError when `out`, the file written by command-line option `option`, is the same
// file as one of `inputs`.
void refuse_overwriting_input(const std::vector<std::string>& inputs, const std::string& out,
                              const std::string& option);

}  // namespace ascolto

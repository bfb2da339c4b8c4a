// Typed errors at the library boundary. Each carries where the problem is, so the CLI can
// print "file:line:column: what was expected" and map the kind to an exit code.
//
//   throw InputError("survey.csv", 12, 5, "unterminated quoted field");
//   catch (const AscoltoError& e) { std::cerr << e.what(); }
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace ascolto {

class AscoltoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file position; line and column are 1-based, 0 means unknown.
struct SourcePos {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;

  std::string str() const;
};

// Bad input data: a file that cannot be read or parsed at all.
class InputError : public AscoltoError {
 public:
  InputError(SourcePos pos, const std::string& what);
  const SourcePos& pos() const { return pos_; }

 private:
  SourcePos pos_;
};

// A lexicon or taxonomy file with an invalid entry.
class LexiconError : public AscoltoError {
 public:
  LexiconError(SourcePos pos, const std::string& what);
  const SourcePos& pos() const { return pos_; }

 private:
  SourcePos pos_;
};

// The command line asks for something impossible.
class UsageError : public AscoltoError {
 public:
  using AscoltoError::AscoltoError;
};

// The database cannot be opened, migrated or written.
class StoreError : public AscoltoError {
 public:
  using AscoltoError::AscoltoError;
};

// An output cannot be written (a failed or short write, a full disk) or would destroy an input
// (the same file as an input or as the database). The message names the path.
class OutputError : public AscoltoError {
 public:
  using AscoltoError::AscoltoError;
};

}  // namespace ascolto

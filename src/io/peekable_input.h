// Standard input, or any stream that can be read only once (a pipe), read from its start twice:
// a first reader (the comment sample behind `analyze --pack auto`) peeks at a bounded prefix,
// whose raw bytes are kept in memory; a reader opened after replay() (the import) gets those
// bytes and then the rest of the stream. Nothing is read twice from the stream and nothing is
// lost, and a Utf8Source reading through it gets the same bytes in the same chunks as from a file
// (encoding detection, BOMs, line numbers and the input's hash are unchanged). Memory: the kept
// prefix, at most the peek limit, freed once the replay has passed it. The stream is not owned.
//
//   auto in = std::make_shared<PeekableInput>(stdin, "<stdin>");
//   in->peek(4 << 20);  // readers now see at most the first 4 MiB, which are kept
//   { auto src = Utf8Source::open("-", "", in); ... }   // the sample
//   in->replay();       // readers now see the kept bytes, then the rest of the stream
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace ascolto {

class PeekableInput {
 public:
  PeekableInput(std::FILE* stream, std::string name) : stream_(stream), name_(std::move(name)) {}
  PeekableInput(const PeekableInput&) = delete;
  PeekableInput& operator=(const PeekableInput&) = delete;

  // The next reader starts at the first byte and sees at most `limit` bytes, all kept (those
  // kept by an earlier peek are read from memory). Throws std::logic_error after replay().
  void peek(std::size_t limit);
  // The next reader starts at the first byte: the kept bytes, then the rest of the stream.
  void replay();

  // Fills `out` with up to `n` bytes and returns how many; fewer than `n` only at the end (of
  // the stream, or of a peek's limit). Throws InputError on a read error.
  std::size_t read(char* out, std::size_t n);

  const std::string& name() const { return name_; }
  // The bytes held in memory: those peeked, until the replay has passed them.
  std::size_t kept() const { return kept_.size(); }

 private:
  enum class Mode { Direct, Peeking, Replaying };

  // Reads up to `n` bytes from the stream (fewer only at its end).
  std::size_t read_stream(char* out, std::size_t n);

  std::FILE* stream_;
  std::string name_;
  Mode mode_ = Mode::Direct;
  std::string kept_;          // the first bytes of the stream, as peeked
  std::size_t position_ = 0;  // the current reader's offset in kept_
  std::size_t limit_ = 0;     // of a peek
  bool ended_ = false;        // the stream reported its end: never read it again (a terminal)
};

}  // namespace ascolto

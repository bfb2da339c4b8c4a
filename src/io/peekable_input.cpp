#include "io/peekable_input.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "common/error.h"

namespace ascolto {

void PeekableInput::peek(std::size_t limit) {
  if (mode_ == Mode::Replaying) throw std::logic_error("PeekableInput::peek after replay");
  mode_ = Mode::Peeking;
  limit_ = limit;
  position_ = 0;
}

void PeekableInput::replay() {
  mode_ = Mode::Replaying;
  position_ = 0;
}

std::size_t PeekableInput::read_stream(char* out, std::size_t n) {
  if (ended_ || n == 0) return 0;
  const std::size_t got = std::fread(out, 1, n, stream_);
  if (got < n) {
    if (std::ferror(stream_)) {
      throw InputError({name_, 0, 0}, std::string("read error: ") + std::strerror(errno));
    }
    ended_ = true;
  }
  return got;
}

std::size_t PeekableInput::read(char* out, std::size_t n) {
  if (mode_ == Mode::Direct) return read_stream(out, n);
  // What was kept, from this reader's position.
  const std::size_t from_kept = std::min(n, kept_.size() - position_);
  std::memcpy(out, kept_.data() + position_, from_kept);
  position_ += from_kept;
  std::size_t done = from_kept;
  if (mode_ == Mode::Peeking) {
    // More of the stream, kept, up to the limit.
    const std::size_t room = limit_ > kept_.size() ? limit_ - kept_.size() : 0;
    const std::size_t got = read_stream(out + done, std::min(n - done, room));
    kept_.append(out + done, got);
    position_ += got;
    return done + got;
  }
  if (position_ == kept_.size() && !kept_.empty()) {
    std::string().swap(kept_);  // passed: the memory goes back
    position_ = 0;
  }
  return done + read_stream(out + done, n - done);
}

}  // namespace ascolto

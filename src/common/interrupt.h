// Cooperative Ctrl-C: a SIGINT (or SIGTERM) handler that only sets a flag, so long loops stop at a
// safe point (between batches, after a commit) instead of dying mid-transaction.
//
//   InterruptGuard guard;                       // installs the handler, restores on scope exit
//   while (more && !interrupt_requested()) write_next_batch();
#pragma once

namespace ascolto {

class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// True once SIGINT or SIGTERM arrived while an InterruptGuard was alive.
bool interrupt_requested();

// For tests: behave as if the signal had arrived (or clear it).
void set_interrupt_requested(bool requested);

}  // namespace ascolto

#include "common/interrupt.h"

#include <atomic>
#include <csignal>

namespace ascolto {
namespace {

// Lock-free so that setting it is async-signal-safe.
std::atomic<bool> g_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

using Handler = void (*)(int);
Handler g_previous_int = SIG_DFL;
Handler g_previous_term = SIG_DFL;

extern "C" void on_signal(int) {
  g_requested.store(true);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  g_requested.store(false);
  g_previous_int = std::signal(SIGINT, on_signal);
  g_previous_term = std::signal(SIGTERM, on_signal);
}

InterruptGuard::~InterruptGuard() {
  std::signal(SIGINT, g_previous_int);
  std::signal(SIGTERM, g_previous_term);
}

bool interrupt_requested() {
  return g_requested.load();
}

void set_interrupt_requested(bool requested) {
  g_requested.store(requested);
}

}  // namespace ascolto

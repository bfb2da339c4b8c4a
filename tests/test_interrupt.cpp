#include <doctest/doctest.h>

#include <csignal>

#include "common/interrupt.h"

using namespace ascolto;

TEST_CASE("SIGINT and SIGTERM only set the flag while a guard is alive") {
  {
    InterruptGuard guard;
    CHECK_FALSE(interrupt_requested());
    std::raise(SIGINT);
    CHECK(interrupt_requested());
    set_interrupt_requested(false);
    std::raise(SIGTERM);
    CHECK(interrupt_requested());
  }
  // A new guard starts clean, and the previous handlers are back after the scope.
  InterruptGuard again;
  CHECK_FALSE(interrupt_requested());
}

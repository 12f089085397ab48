// std::barrier in a coroutine, against libstdc++'s <barrier>:
// arrive_and_wait() and wait(token) block until every participant arrives;
// arrive() and arrive_and_drop() do not.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <barrier>

task<void> phase(std::barrier<> &sync) {
  sync.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::barrier::arrive_and_wait' blocks the coroutine's thread until every participant arrives at the barrier [corolock-blocking-wait-in-coroutine]
  auto token = sync.arrive();
  sync.wait(std::move(token));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::barrier::wait' blocks
  co_return;
}

task<void> leave(std::barrier<> &sync) {
  (void)sync.arrive();
  sync.arrive_and_drop();
  co_return;
}

void worker(std::barrier<> &sync) { sync.arrive_and_wait(); }

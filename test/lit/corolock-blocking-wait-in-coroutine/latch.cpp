// std::latch in a coroutine, against libstdc++'s <latch>: wait() and
// arrive_and_wait() block until the count reaches zero; count_down() and
// try_wait() do not.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <latch>

task<void> start_when_all_ready(std::latch &ready) {
  ready.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::latch::arrive_and_wait' blocks the coroutine's thread until the latch's count reaches zero [corolock-blocking-wait-in-coroutine]
  ready.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::latch::wait' blocks
  co_return;
}

task<bool> report_ready(std::latch &ready) {
  ready.count_down();
  co_return ready.try_wait();
}

void worker(std::latch &done) { done.arrive_and_wait(); }

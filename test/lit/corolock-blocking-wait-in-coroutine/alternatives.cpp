// The explanation names the awaitable alternative of each family.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <barrier>
#include <latch>
#include <semaphore>
#include <thread>

task<void> each(std::thread &t, std::binary_semaphore &s, std::latch &l,
                std::barrier<> &b) {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-NOTES: :[[@LINE-2]]:3: note: {{.*}}; 'co_await' the executor's timer instead (an Asio timer's async_wait, folly::coro::sleep, async_simple::coro::sleep, libcoro's yield_for); see
  t.join();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::thread::join' blocks
  // CHECK-NOTES: :[[@LINE-2]]:5: note: {{.*}}; 'co_await' the work as a task, or join the thread outside coroutines; see
  s.acquire();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::counting_semaphore::acquire' blocks
  // CHECK-NOTES: :[[@LINE-2]]:5: note: {{.*}}; 'co_await' an async semaphore instead; see
  l.wait();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::latch::wait' blocks
  // CHECK-NOTES: :[[@LINE-2]]:5: note: {{.*}}; 'co_await' an async latch instead (cppcoro::async_latch, coro::latch); see
  b.arrive_and_wait();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::barrier::arrive_and_wait' blocks
  // CHECK-NOTES: :[[@LINE-2]]:5: note: {{.*}}; 'co_await' the participating tasks together instead (when_all, collectAll); see
  co_return;
}

// co_yield hands its operand to the promise's yield_value; it does not await
// it. Yielding an I/O awaitable to the consumer while the mutex is held is a
// suspension without I/O here, so that section is a short one, waiting
// behind the section that awaits the same operation.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"
#include "task.h"

using folly::coro::Task;

// A generator of tasks: the consumer decides when to await what it gets.
struct TaskStream {
  struct promise_type {
    TaskStream get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    std::suspend_always yield_value(Task<void> t) { return {}; }
  };
};

folly::coro::Mutex mu;

TaskStream delays() {
  auto lk = co_await mu.co_scoped_lock();
  co_yield folly::coro::sleep(std::chrono::milliseconds(1));
}

Task<void> delay() {
  auto lk = co_await mu.co_scoped_lock();
  co_await folly::coro::sleep(std::chrono::milliseconds(1));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-10]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

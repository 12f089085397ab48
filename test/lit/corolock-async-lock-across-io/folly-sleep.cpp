// folly::coro::sleep and sleepReturnEarlyOnCancel wait on a timekeeper and
// count as I/O, also when the sleep is bound to an executor first
// (`co_await sleep(d).scheduleOn(ex)`: the callee behind the member call on
// the awaitable). The mutex is a folly::coro::SharedMutex locked exclusively
// through co_scoped_lock().
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"

using folly::coro::Task;

class TokenCache {
public:
  Task<void> refresh_with_backoff() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await folly::coro::sleep(std::chrono::milliseconds(backoff_));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+15]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
    co_await folly::coro::sleepReturnEarlyOnCancel(std::chrono::milliseconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'co_await' also waits for I/O ('folly::coro::sleepReturnEarlyOnCancel') while async mutex 'mu_' is held
  }

  Task<void> refresh_on(folly::Executor *ex) {
    auto lk = co_await mu_.co_scoped_lock();
    co_await folly::coro::sleep(std::chrono::milliseconds(backoff_)).scheduleOn(ex);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+4]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }

  Task<int> token() {
    auto lk = co_await mu_.co_scoped_lock();
    co_return token_;
  }

private:
  folly::coro::SharedMutex mu_;
  int token_ = 0;
  int backoff_ = 100;
};

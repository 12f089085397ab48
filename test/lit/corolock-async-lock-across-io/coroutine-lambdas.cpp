// Coroutine lambdas are coroutines of their own, and a local mutex they
// capture by reference is one mutex: the lambda that holds it across I/O is
// reported, with the other lambda's short section. A mutex reached through a
// reference data member is that member's, however many objects share it.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"
#include "task.h"

using folly::coro::sleep;
using std::chrono::milliseconds;

template <typename F> void spawn(F f) { (void)f; }
int n = 0;

void start_workers() {
  folly::coro::Mutex mu;
  spawn([&]() -> task<void> {
    auto lk = co_await mu.co_scoped_lock();
    co_await sleep(milliseconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu' locked here
    // CHECK-NOTES: :[[@LINE+3]]:10: note: a critical section on 'mu' without I/O, which waits behind it
  });
  spawn([&]() -> task<void> {
    auto lk = co_await mu.co_scoped_lock();
    ++n;
  });
}

struct Worker {
  folly::coro::Mutex &shared_mu;
  task<void> poll() {
    auto lk = co_await shared_mu.co_scoped_lock();
    co_await sleep(milliseconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'shared_mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'shared_mu' without I/O waits for the round trip too: release 'shared_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'shared_mu' locked here
    // CHECK-NOTES: :[[@LINE+3]]:10: note: a critical section on 'shared_mu' without I/O, which waits behind it
  }
  task<void> count() {
    auto lk = co_await shared_mu.co_scoped_lock();
    ++n;
  }
};

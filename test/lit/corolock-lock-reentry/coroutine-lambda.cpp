// A coroutine lambda is a coroutine of its own: it is checked like any other,
// and the mutex it captures by reference is the enclosing one.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex mu;

task<void> locked_put() {
  auto lk = co_await mu.co_scoped_lock();
}

void run(task<void> t);

void starts() {
  run([]() -> task<void> {
    auto lk = co_await mu.co_scoped_lock();
    co_await locked_put();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'locked_put' locks async mutex 'mu', which this coroutine already holds here [corolock-lock-reentry]
  }());
  run([]() -> task<void> {
    co_await locked_put();
    auto lk = co_await mu.co_scoped_lock();
  }());
}

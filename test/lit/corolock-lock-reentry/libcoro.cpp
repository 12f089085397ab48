// libcoro's coro::mutex: `co_await m.scoped_lock()` holds it until the
// coro::scoped_lock ends; a coro::task awaited meanwhile that locks it waits
// forever. Not awaited (scheduled elsewhere), it does not.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "libcoro_mutex.h"

void schedule(coro::task<void> t);

struct Pool {
  coro::mutex m;
  int n = 0;
  coro::task<void> add() {
    auto lk = co_await m.scoped_lock();
    ++n;
  }
  coro::task<void> add_twice() {
    auto lk = co_await m.scoped_lock();
    co_await add();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Pool::add' locks async mutex 'm', which this coroutine already holds here [corolock-lock-reentry]
    schedule(add());
  }
  coro::task<void> manual() {
    co_await m.lock();
    co_await m.lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: async mutex 'm' is locked again while this coroutine holds it [corolock-lock-reentry]
    m.unlock();
  }
};

// A coroutine called but not awaited runs later, not under the caller's
// lock; a lambda created under the lock is not called there: neither orders
// anything. A declared-only callee is not known to lock.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex a, b;
void spawn(task<void> t);
template <typename F> void post(F f) { (void)f; }
task<void> opaque();

task<void> locks_a() { auto la = co_await a.co_scoped_lock(); }

task<void> ab() {
  auto la = co_await a.co_scoped_lock();
  auto lb = co_await b.co_scoped_lock();
}
task<void> b_spawns_a() {
  auto lb = co_await b.co_scoped_lock();
  spawn(locks_a());
  post([] { return locks_a(); });
  co_await opaque();
}

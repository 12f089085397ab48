// A lock held on some paths only is not an order (only locks held on every
// path count), nor is a callee whose body is not visible.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex a, b;
task<void> locks_b_elsewhere();

task<void> ab() {
  auto la = co_await a.co_scoped_lock();
  auto lb = co_await b.co_scoped_lock();
}
task<void> maybe_b_then_a(bool first) {
  std::unique_lock<folly::coro::Mutex> lb;
  if (first)
    lb = co_await b.co_scoped_lock();
  auto la = co_await a.co_scoped_lock();
}
task<void> a_then_invisible() {
  auto la = co_await a.co_scoped_lock();
  co_await locks_b_elsewhere();
}

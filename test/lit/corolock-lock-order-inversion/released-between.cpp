// A lock released before the next is taken orders nothing: unlock, the end
// of the guard's scope, or a moved-away guard.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex a, b;
void keep(std::unique_lock<folly::coro::Mutex> lk);

task<void> ab() {
  auto la = co_await a.co_scoped_lock();
  auto lb = co_await b.co_scoped_lock();
}
task<void> b_then_a_released() {
  auto lb = co_await b.co_scoped_lock();
  lb.unlock();
  auto la = co_await a.co_scoped_lock();
}
task<void> b_scope_then_a() {
  {
    auto lb = co_await b.co_scoped_lock();
  }
  auto la = co_await a.co_scoped_lock();
}
task<void> b_manual_then_a() {
  co_await b.co_lock();
  b.unlock();
  co_await a.co_lock();
  a.unlock();
}
task<void> b_moved_then_a() {
  auto lb = co_await b.co_scoped_lock();
  keep(std::move(lb));
  auto la = co_await a.co_scoped_lock();
}

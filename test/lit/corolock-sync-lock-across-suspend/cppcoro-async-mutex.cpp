// cppcoro::async_mutex and its async_mutex_lock guard are async: a scoped
// lock awaited from scoped_lock_async() may be held across co_await, and so
// may a lock_async() adopted by an async_mutex_lock. Nothing is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;

task<void> scoped() {
  auto lk = co_await mu.scoped_lock_async();
  co_await send(1);
}

task<void> adopted() {
  co_await mu.lock_async();
  cppcoro::async_mutex_lock lk(mu, std::adopt_lock);
  co_await send(2);
}

task<void> manual() {
  co_await mu.lock_async();
  co_await send(3);
  mu.unlock();
}

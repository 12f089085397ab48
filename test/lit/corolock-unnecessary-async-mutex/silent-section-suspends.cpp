// One critical section that holds the mutex across co_await makes the async
// mutex necessary: none of its acquisitions is reported, including those
// whose own section never suspends. The same holds for a manual lock kept
// across a suspension point.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
folly::coro::Mutex fmu;
int cache;

task<void> quick() {
  auto lk = co_await mu.scoped_lock_async();
  ++cache;
}

task<void> refresh(int key) {
  auto lk = co_await mu.scoped_lock_async();
  cache = co_await fetch(key);
}

task<void> quick_manual() {
  co_await fmu.co_lock();
  ++cache;
  fmu.unlock();
}

task<void> slow_manual() {
  co_await fmu.co_lock();
  co_await send(cache);
  fmu.unlock();
}

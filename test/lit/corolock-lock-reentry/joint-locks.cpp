// std::scoped_lock(a, b) and std::lock(a, b) hold both mutexes: locking either
// again waits forever. A deferred guard locks when lock() is called.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a, b;

void touch_b() { std::lock_guard<std::mutex> g(b); }

task<void> scoped() {
  std::scoped_lock<std::mutex, std::mutex> both(a, b);
  touch_b();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'touch_b' locks sync mutex 'b', which this coroutine already holds here [corolock-lock-reentry]
  co_return;
}

task<void> std_lock() {
  std::lock(a, b);
  std::lock_guard<std::mutex> ga(a, std::adopt_lock);
  std::lock_guard<std::mutex> gb(b, std::adopt_lock);
  co_await send(1);
  touch_b();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'touch_b' locks sync mutex 'b', which this coroutine already holds here [corolock-lock-reentry]
}

task<void> deferred() {
  std::lock_guard<std::mutex> ga(a);
  std::unique_lock<std::mutex> later(a, std::defer_lock);
  co_await send(2);
  later.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: sync mutex 'a' is locked again while this coroutine holds it [corolock-lock-reentry]
}

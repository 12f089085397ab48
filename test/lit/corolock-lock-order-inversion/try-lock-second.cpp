// A try-lock as the second acquisition does not wait: if the other order
// holds the mutex, it fails and the task backs off. Not reported; a blocking
// second acquisition is.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

std::mutex a, b;
folly::coro::Mutex x, y;

void ab() {
  std::lock_guard<std::mutex> ga(a);
  std::lock_guard<std::mutex> gb(b);
}
void ba_try() {
  std::lock_guard<std::mutex> gb(b);
  std::unique_lock<std::mutex> ga(a, std::try_to_lock);
  if (!ga)
    return;
}
task<void> xy() {
  auto lx = co_await x.co_scoped_lock();
  auto ly = co_await y.co_scoped_lock();
}
task<void> yx_try() {
  auto ly = co_await y.co_scoped_lock();
  if (x.try_lock())
    x.unlock();
}

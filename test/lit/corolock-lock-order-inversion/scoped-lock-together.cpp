// std::scoped_lock(a, b) and std::lock(a, b) take both mutexes without
// deadlock whatever order other code uses: they order nothing.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a, b;

void forward() { std::scoped_lock<std::mutex, std::mutex> both(a, b); }
void backward() { std::scoped_lock<std::mutex, std::mutex> both(b, a); }
void with_std_lock() {
  std::lock(b, a);
  std::lock_guard<std::mutex> gb(b, std::adopt_lock);
  std::lock_guard<std::mutex> ga(a, std::adopt_lock);
}
task<void> ordered() {
  std::lock_guard<std::mutex> ga(a);
  std::lock_guard<std::mutex> gb(b);
  co_return;
}

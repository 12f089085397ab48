// A call on one branch under the lock is reported; a lock taken in each
// iteration and released at its end is not held at the next one.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int value;

void store(int v) {
  std::lock_guard<std::mutex> g(mu);
  value = v;
}

task<void> branch(bool b) {
  std::lock_guard<std::mutex> g(mu);
  if (b)
    store(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'store' locks sync mutex 'mu', which this coroutine already holds here [corolock-lock-reentry]
  co_return;
}

task<void> loop(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> g(mu);
    ++value;
  }
  for (int i = 0; i < n; ++i) {
    mu.lock();
    ++value;
    mu.unlock();
    store(i);
  }
  co_await send(1);
}

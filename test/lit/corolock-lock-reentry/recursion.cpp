// Recursive and mutually recursive callees are summarised once; the search
// ends, and a lock among them is still found.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int value;

void ping(int n);
void pong(int n) {
  if (n > 0)
    ping(n - 1);
}
void ping(int n) {
  if (n == 3) {
    std::lock_guard<std::mutex> g(mu);
    ++value;
  }
  pong(n);
}
int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

task<void> uses_recursion() {
  std::lock_guard<std::mutex> g(mu);
  fact(5);
  pong(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pong' locks sync mutex 'mu', which this coroutine already holds here [corolock-lock-reentry]
  co_return;
}

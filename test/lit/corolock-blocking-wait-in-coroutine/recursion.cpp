// Recursive and mutually recursive plain functions are searched once per
// depth: the search ends, finds the blocking call a recursion reaches, and
// reports nothing for one that reaches none.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <thread>

int ping(int n);
int pong(int n) { return n <= 0 ? 0 : ping(n - 1); }
int ping(int n) { return n <= 0 ? 0 : pong(n - 1) + 1; }

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

void nap(int n);
void backoff(int n) {
  if (n > 0)
    nap(n - 1);
}
void nap(int n) {
  if (n == 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  backoff(n);
}

task<int> quiet(int n) { co_return ping(n) + fib(n); }

task<void> sleepy(int n) {
  backoff(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'backoff' blocks the coroutine's thread: it calls 'std::this_thread::sleep_for', which blocks until the time has passed [corolock-blocking-wait-in-coroutine]
  co_return;
}

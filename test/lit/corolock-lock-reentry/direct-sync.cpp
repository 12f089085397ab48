// A coroutine that locks a std::mutex it already holds, by a second guard or
// by hand, deadlocks (formally: undefined behaviour) on its own thread.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int value;

task<void> two_guards() {
  std::lock_guard<std::mutex> outer(mu);
  co_await send(1);
  std::lock_guard<std::mutex> inner(mu);
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: sync mutex 'mu' is locked again while this coroutine holds it [corolock-lock-reentry]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: the mutex is not recursive: the coroutine waits for itself forever; release the lock first, or do not lock it again; see docs/checks/corolock-lock-reentry.md
  // CHECK-NOTES: :[[@LINE-5]]:31: note: 'mu' first locked here
  ++value;
}

task<void> by_hand() {
  mu.lock();
  ++value;
  mu.lock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: sync mutex 'mu' is locked again while this coroutine holds it [corolock-lock-reentry]
  // CHECK-NOTES: :[[@LINE-2]]:6: note: the mutex is not recursive
  // CHECK-NOTES: :[[@LINE-5]]:6: note: 'mu' first locked here
  mu.unlock();
  co_return;
}

// Released before: not reported.
task<void> released_first() {
  mu.lock();
  ++value;
  mu.unlock();
  std::lock_guard<std::mutex> again(mu);
  co_await send(2);
}

task<void> scope_ended() {
  {
    std::lock_guard<std::mutex> first(mu);
    ++value;
  }
  std::lock_guard<std::mutex> second(mu);
  co_await send(3);
}

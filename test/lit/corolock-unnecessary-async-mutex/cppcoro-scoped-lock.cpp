// Preset cppcoro::async_mutex, RAII acquisition: the async_mutex_lock awaited
// from scoped_lock_async() holds the mutex to the end of its block, which
// never suspends. The section does more than one integer update, so a
// std::mutex is suggested; the explanation counts the one critical section.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int hits;
int total;

task<void> record(int value) {
  int doubled = compute(value);
  {
    auto lk = co_await mu.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'mu' locked here and released without suspending
    ++hits;
    total += doubled;
  }
  co_await send(doubled);
}

// Preset cppcoro::async_mutex, RAII acquisition: the async_mutex_lock awaited
// from scoped_lock_async() holds the mutex to the end of its block, which
// never suspends. The section does more than one integer update, so a
// std::mutex is suggested; the note counts the one critical section.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
int hits;
int total;

task<void> record(int value) {
  int doubled = compute(value);
  {
    auto lk = co_await mu.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE-9]]:22: note: 'mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
    ++hits;
    total += doubled;
  }
  co_await send(doubled);
}

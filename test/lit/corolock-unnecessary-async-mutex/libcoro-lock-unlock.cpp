// Preset coro::mutex (libcoro), manual acquisition: co_await lock() ...
// unlock() around a lone integer update, before the coroutine suspends on
// another task: a std::atomic would do.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"

coro::mutex mu;
long bytes;

coro::task<void> account(coro::task<void> write, long n) {
  co_await mu.lock();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: async mutex 'mu' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-6]]:13: note: 'mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  bytes += n;
  mu.unlock();
  co_await write;
}

// Preset coro::mutex (libcoro), manual acquisition: co_await lock() ...
// unlock() around a lone integer update, before the coroutine suspends on
// another task: a std::atomic would do.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"

coro::mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:13: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
long bytes;

coro::task<void> account(coro::task<void> write, long n) {
  co_await mu.lock();
  // CHECK-NOTES: :[[@LINE-1]]:15: note: async mutex 'mu' locked here and released without suspending
  bytes += n;
  mu.unlock();
  co_await write;
}

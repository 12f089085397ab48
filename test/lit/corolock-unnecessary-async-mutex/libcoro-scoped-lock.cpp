// Preset coro::mutex (libcoro), RAII acquisition: the coro::scoped_lock
// awaited from scoped_lock() holds the mutex to the end of its scope, or until
// its unlock(). Neither section holds it across a suspension point.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"

coro::mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:13: note: its 2 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int queued;
int dropped;

coro::task<void> enqueue(int n) {
  auto lk = co_await mu.scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'mu' locked here and released without suspending
  queued += n;
  dropped = 0;
}

coro::task<void> drain(coro::task<void> flush) {
  auto lk = co_await mu.scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'mu' locked here and released without suspending
  queued = 0;
  ++dropped;
  lk.unlock();
  co_await flush;
}

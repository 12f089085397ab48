// Preset async_simple::coro::SharedMutex, whose operations come from
// SharedMutexBase<SpinLock> and whose unlocks are awaited Lazy<void>s:
// co_await coLockShared() ... co_await unlockShared(), and co_await coLock()
// ... co_await unlock(). The awaited unlock ends each section, so none
// suspends while holding the mutex; each is a lone integer update.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "async_simple_mutex.h"

async_simple::coro::SharedMutex mu;
// CHECK-NOTES: :[[@LINE-1]]:33: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:33: note: its 2 critical sections in this translation unit never suspend while holding it, and each only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int readers;

async_simple::coro::Lazy<void> enter() {
  co_await mu.coLockShared();
  // CHECK-NOTES: :[[@LINE-1]]:15: note: async mutex 'mu' locked here and released without suspending
  ++readers;
  co_await mu.unlockShared();
}

async_simple::coro::Lazy<void> reset() {
  co_await mu.coLock();
  // CHECK-NOTES: :[[@LINE-1]]:15: note: async mutex 'mu' locked here and released without suspending
  readers = 0;
  co_await mu.unlock();
}

// Preset async_simple::coro::Mutex: coScopedLock() yields a
// std::unique_lock<async_simple::coro::Mutex>, coLock() locks until unlock().
// Neither critical section suspends while holding the mutex.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "async_simple_mutex.h"

async_simple::coro::Mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:27: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:27: note: its 2 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int live;
int peak;

async_simple::coro::Lazy<void> open_session() {
  auto lk = co_await mu.coScopedLock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'mu' locked here and released without suspending
  ++live;
  peak = live > peak ? live : peak;
}

async_simple::coro::Lazy<void> close_session(async_simple::coro::Lazy<> bye) {
  co_await mu.coLock();
  // CHECK-NOTES: :[[@LINE-1]]:15: note: async mutex 'mu' locked here and released without suspending
  --live;
  peak = 0;
  mu.unlock();
  co_await bye;
}

// Preset async_simple::coro::Mutex: coScopedLock() yields a
// std::unique_lock<async_simple::coro::Mutex>, coLock() locks until unlock().
// Neither critical section suspends while holding the mutex.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "async_simple_mutex.h"

async_simple::coro::Mutex mu;
int live;
int peak;

async_simple::coro::Lazy<void> open_session() {
  auto lk = co_await mu.coScopedLock();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-7]]:27: note: 'mu' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  ++live;
  peak = live > peak ? live : peak;
}

async_simple::coro::Lazy<void> close_session(async_simple::coro::Lazy<> bye) {
  co_await mu.coLock();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-15]]:27: note: 'mu' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  --live;
  peak = 0;
  mu.unlock();
  co_await bye;
}

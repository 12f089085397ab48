// Preset folly::coro::Mutex: the std::unique_lock<folly::coro::Mutex> awaited
// from co_scoped_lock() and a manual co_lock() ... unlock() are two critical
// sections of the same mutex; neither suspends, so both acquisitions are
// reported and each note counts both sections. Run through clang-tidy and
// the standalone tool.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks
// RUN: %check_corolock --tool=standalone corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex mu;
int size;
int capacity;

task<void> grow(int by) {
  std::unique_lock<folly::coro::Mutex> lk = co_await mu.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-7]]:20: note: 'mu' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  capacity += by;
  size = 0;
}

task<void> shrink(int by) {
  co_await mu.co_lock();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-15]]:20: note: 'mu' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  capacity -= by;
  size = 0;
  mu.unlock();
  co_await send(capacity);
}

// Preset folly::coro::Mutex: the std::unique_lock<folly::coro::Mutex> awaited
// from co_scoped_lock() and a manual co_lock() ... unlock() are two critical
// sections of the same mutex; neither suspends, so the mutex is reported once,
// at its declaration, with a note at both acquisitions. Run through
// clang-tidy and the standalone tool.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks
// RUN: %check_corolock --tool=standalone corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:20: note: its 2 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
// CHECK-NOTES: :[[@LINE+6]]:40: note: async mutex 'mu' locked here and released without suspending
// CHECK-NOTES: :[[@LINE+11]]:15: note: async mutex 'mu' locked here and released without suspending
int size;
int capacity;

task<void> grow(int by) {
  std::unique_lock<folly::coro::Mutex> lk = co_await mu.co_scoped_lock();
  capacity += by;
  size = 0;
}

task<void> shrink(int by) {
  co_await mu.co_lock();
  capacity -= by;
  size = 0;
  mu.unlock();
  co_await send(capacity);
}

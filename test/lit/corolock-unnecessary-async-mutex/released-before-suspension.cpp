// Critical sections that end before the coroutine suspends: a manual unlock()
// before co_await, a guard whose block closes before co_await, a
// std::unique_lock<folly::coro::Mutex> unlocked early, and a lock taken in a
// loop and released in each iteration. None suspends while holding its
// mutex; all are reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "task.h"

cppcoro::async_mutex manual;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'manual' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
cppcoro::async_mutex scoped;
folly::coro::Mutex early;
folly::coro::Mutex looped;
int n;

task<void> unlock_then_await() {
  co_await manual.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:19: note: async mutex 'manual' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-8]]:22: warning: async mutex 'scoped' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-9]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  n = 1;
  n = 2;
  manual.unlock();
  co_await send(n);
}

task<void> scope_then_await() {
  {
    auto lk = co_await scoped.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'scoped' locked here and released without suspending
    // CHECK-NOTES: :[[@LINE-19]]:20: warning: async mutex 'early' is never held across a suspension point [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE-20]]:20: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
    n = 3;
    n = 4;
  }
  co_await send(n);
}

task<void> early_unlock() {
  auto lk = co_await early.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'early' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-29]]:20: warning: async mutex 'looped' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-30]]:20: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  n = 5;
  lk.unlock();
  co_await send(n);
}

task<void> each_iteration() {
  for (int i = 0; i < 4; ++i) {
    {
      auto lk = co_await looped.co_scoped_lock();
      // CHECK-NOTES: :[[@LINE-1]]:12: note: async mutex 'looped' locked here and released without suspending
      n += i;
      n *= 2;
    }
    co_await send(i);
  }
}

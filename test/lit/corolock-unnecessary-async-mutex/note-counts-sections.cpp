// The explanation counts the critical sections examined for the mutex in the
// translation unit, each acquisition once: 'many' has three (two in one
// coroutine), 'one' has one, in the singular.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex many;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'many' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 3 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
cppcoro::async_mutex one;
int a, b, c;

task<void> first() {
  {
    auto lk = co_await many.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'many' locked here and released without suspending
    a = 1;
    b = 1;
  }
  co_await send(a);
  {
    auto lk = co_await many.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'many' locked here and released without suspending
    b = 2;
    c = 2;
  }
}

task<void> second() {
  co_await many.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:17: note: async mutex 'many' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-22]]:22: warning: async mutex 'one' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-23]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  c = 3;
  a = 3;
  many.unlock();
}

task<void> third() {
  auto lk = co_await one.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'one' locked here and released without suspending
  a = b + c;
  b = 0;
}

// The note counts the critical sections examined for the mutex in the
// translation unit, each acquisition once: 'many' has three (two in one
// coroutine), 'one' has one, in the singular.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex many;
cppcoro::async_mutex one;
int a, b, c;

task<void> first() {
  {
    auto lk = co_await many.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'many' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE-8]]:22: note: 'many' declared here; 3 critical sections examined in this translation unit, none suspends while holding it
    a = 1;
    b = 1;
  }
  co_await send(a);
  {
    auto lk = co_await many.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'many' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE-16]]:22: note: 'many' declared here; 3 critical sections examined in this translation unit, none suspends while holding it
    b = 2;
    c = 2;
  }
}

task<void> second() {
  co_await many.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: async mutex 'many' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-25]]:22: note: 'many' declared here; 3 critical sections examined in this translation unit, none suspends while holding it
  c = 3;
  a = 3;
  many.unlock();
}

task<void> third() {
  auto lk = co_await one.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'one' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-33]]:22: note: 'one' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  a = b + c;
  b = 0;
}

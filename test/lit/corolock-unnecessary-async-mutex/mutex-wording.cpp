// Critical sections that are not a lone integer update get the std::mutex
// wording: two statements, a floating-point update, a call, a declaration,
// and a guard block that goes on after the increment.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex two, real, call, decl, longer;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: async mutex 'two' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:20: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int n;
double avg;

task<void> two_updates() {
  auto lk = co_await two.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'two' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-9]]:25: warning: async mutex 'real' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-10]]:25: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  ++n;
  ++n;
}

task<void> floating() {
  auto lk = co_await real.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'real' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-18]]:31: warning: async mutex 'call' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-19]]:31: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  avg += 0.5;
}

task<void> calls() {
  auto lk = co_await call.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'call' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-26]]:37: warning: async mutex 'decl' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-27]]:37: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  compute(n);
}

task<void> declares() {
  co_await decl.co_lock();
  // CHECK-NOTES: :[[@LINE-1]]:17: note: async mutex 'decl' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-34]]:43: warning: async mutex 'longer' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-35]]:43: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  int copy = n;
  decl.unlock();
  co_await send(copy);
}

task<void> goes_on() {
  {
    auto lk = co_await longer.co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'longer' locked here and released without suspending
    ++n;
    n *= 2;
  }
  co_await send(n);
}

// Critical sections that are not a lone integer update get the std::mutex
// wording: two statements, a floating-point update, a call, a declaration,
// and a guard block that goes on after the increment.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex two, real, call, decl, longer;
int n;
double avg;

task<void> two_updates() {
  auto lk = co_await two.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'two' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-7]]:20: note: 'two' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  ++n;
  ++n;
}

task<void> floating() {
  auto lk = co_await real.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'real' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-15]]:25: note: 'real' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  avg += 0.5;
}

task<void> calls() {
  auto lk = co_await call.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'call' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-22]]:31: note: 'call' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  compute(n);
}

task<void> declares() {
  co_await decl.co_lock();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: async mutex 'decl' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-29]]:37: note: 'decl' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  int copy = n;
  decl.unlock();
  co_await send(copy);
}

task<void> goes_on() {
  {
    auto lk = co_await longer.co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'longer' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE-39]]:43: note: 'longer' declared here; 1 critical section examined in this translation unit, none suspends while holding it
    ++n;
    n *= 2;
  }
  co_await send(n);
}

// An async mutex also locked outside a coroutine (a plain function, a plain
// lambda, a blocking wait on the lock operation at start-up or in a test)
// has critical sections the analysis of coroutine bodies does not see: it
// may be held there across blocking work, so the mutex is not judged. Here
// the plain function and the plain lambda keep what they try-lock, for other
// code to unlock (a probe that unlocks it again is no escape: see
// try-lock-probe-in-plain-function.cpp). A coroutine lambda inside a plain
// function is a coroutine like any other.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex in_plain_function;
cppcoro::async_mutex in_plain_lambda;
cppcoro::async_mutex in_coroutine_lambda;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'in_coroutine_lambda' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
cppcoro::async_mutex only_coroutines;
int n;

task<void> bump_plain_function() {
  auto lk = co_await in_plain_function.scoped_lock_async();
  ++n;
}

void drain() {
  while (!in_plain_function.try_lock())
    compute(n);
  compute(n);
}

void undrain() { in_plain_function.unlock(); }

task<void> bump_plain_lambda() {
  auto lk = co_await in_plain_lambda.scoped_lock_async();
  ++n;
  auto claim = [] { return in_plain_lambda.try_lock(); };
  if (claim())
    in_plain_lambda.unlock();
}

void start() {
  auto worker = []() -> task<void> {
    auto lk = co_await in_coroutine_lambda.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'in_coroutine_lambda' locked here and released without suspending
    // CHECK-NOTES: :[[@LINE-28]]:22: warning: async mutex 'only_coroutines' is never held across a suspension point [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE-29]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
    compute(n);
  };
  worker();
}

task<void> bump_only_coroutines() {
  auto lk = co_await only_coroutines.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'only_coroutines' locked here and released without suspending
  compute(n);
}

// Unlocking outside a coroutine takes no lock there.
void release_only() { only_coroutines.unlock(); }

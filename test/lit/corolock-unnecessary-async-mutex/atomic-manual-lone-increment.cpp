// A manual critical section 'co_await m.lock_async(); ++n_; m.unlock();' is a
// lone integer update: a std::atomic would do. The same update followed by a
// second statement before unlock() is not, and gets the std::mutex wording.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex m;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'm' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
cppcoro::async_mutex m2;
int n_;
int last_;

task<void> bump() {
  co_await m.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:14: note: async mutex 'm' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-7]]:22: warning: async mutex 'm2' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-8]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  ++n_;
  m.unlock();
}

task<void> bump_and_record(int v) {
  co_await m2.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:15: note: async mutex 'm2' locked here and released without suspending
  ++n_;
  last_ = v;
  m2.unlock();
}

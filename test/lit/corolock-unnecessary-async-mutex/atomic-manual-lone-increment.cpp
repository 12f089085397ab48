// A manual critical section 'co_await m.lock_async(); ++n_; m.unlock();' is a
// lone integer update: a std::atomic would do. The same update followed by a
// second statement before unlock() is not, and gets the std::mutex wording.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex m;
cppcoro::async_mutex m2;
int n_;
int last_;

task<void> bump() {
  co_await m.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: async mutex 'm' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-8]]:22: note: 'm' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  ++n_;
  m.unlock();
}

task<void> bump_and_record(int v) {
  co_await m2.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: async mutex 'm2' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-15]]:22: note: 'm2' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  ++n_;
  last_ = v;
  m2.unlock();
}

// A guard block whose only statement is '++n_;' is a lone integer update: a
// std::atomic would do. Every critical section of the mutex must be one for
// that wording; here both are (an increment and a compound assignment).
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

class Stats {
public:
  task<void> hit() {
    {
      auto lk = co_await mu_.scoped_lock_async();
      ++n_;
    }
    co_await send(1);
  }

  task<void> add(int k) {
    auto lk = co_await mu_.scoped_lock_async();
    n_ += k;
  }

private:
  cppcoro::async_mutex mu_;
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:24: note: its 2 critical sections in this translation unit never suspend while holding it, and each only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES: :[[@LINE-15]]:12: note: async mutex 'mu_' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-9]]:10: note: async mutex 'mu_' locked here and released without suspending
  int n_ = 0;
};

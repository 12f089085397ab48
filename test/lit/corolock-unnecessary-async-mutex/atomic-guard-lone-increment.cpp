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
      // CHECK-NOTES: :[[@LINE-1]]:12: warning: async mutex 'mu_' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
      // CHECK-NOTES: :[[@LINE--14]]:24: note: 'mu_' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
      ++n_;
    }
    co_await send(1);
  }

  task<void> add(int k) {
    auto lk = co_await mu_.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE--5]]:24: note: 'mu_' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
    n_ += k;
  }

private:
  cppcoro::async_mutex mu_;
  int n_ = 0;
};

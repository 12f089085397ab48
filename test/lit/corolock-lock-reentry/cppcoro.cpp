// cppcoro::async_mutex: a scoped lock awaited from scoped_lock_async(), then a
// coroutine awaited under it that locks the same mutex with lock_async().
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

class Session {
public:
  task<void> flush() {
    co_await mu_.lock_async();
    cppcoro::async_mutex_lock lk(mu_, std::adopt_lock);
    ++sent_;
  }
  task<void> send_all() {
    auto lk = co_await mu_.scoped_lock_async();
    co_await flush();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Session::flush' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  }
  task<void> send_after() {
    {
      auto lk = co_await mu_.scoped_lock_async();
      ++sent_;
    }
    co_await flush();
  }

private:
  cppcoro::async_mutex mu_;
  int sent_ = 0;
};

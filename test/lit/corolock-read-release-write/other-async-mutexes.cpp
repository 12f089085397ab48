// unifex::async_mutex (a sender awaited through the task's await_transform)
// and concurrencpp::async_lock (a scoped_async_lock guard).
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "concurrencpp_async_lock.h"
#include "unifex_async_mutex.h"

int pick(int);

class Jobs {
public:
  unifex::task<void> unifex_manual() {
    co_await mu_.async_lock();
    int next = next_;
    mu_.unlock();
    co_await mu_.async_lock();
    next_ = next + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'next_' is written under 'mu_' based on 'next_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    mu_.unlock();
  }

  concurrencpp::lazy_result<int> concurrencpp_scoped() {
    int next;
    {
      auto guard = co_await lock_.lock(executor_);
      next = counter_;
    }
    auto guard = co_await lock_.lock(executor_);
    counter_ = pick(next);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter_' is written under 'lock_' based on 'counter_' read before a 'co_await' that ran without 'lock_' [corolock-read-release-write]
    co_return next;
  }

private:
  unifex::async_mutex mu_;
  concurrencpp::async_lock lock_;
  std::shared_ptr<concurrencpp::executor> executor_;
  int next_ = 0;
  int counter_ = 0;
};

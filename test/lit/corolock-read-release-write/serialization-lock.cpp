// Another lock held from the read, across the suspension, to the write
// serializes the whole operation: no other coroutine runs it meanwhile. An
// async mutex through a guard or manually, a sync one (which the other check
// reports across the suspension), a guard passed in by value. A lock
// released before the suspension or before the write, or taken again, does
// not serialize.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

class Refresher {
public:
  task<void> guard() {
    auto serial = co_await refresh_mu_.co_scoped_lock();
    int token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = token_;
    }
    int next = co_await fetch(token);
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
  }

  task<void> manual() {
    co_await ordered_mu_.lock_async();
    int token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = token_;
    }
    int next = co_await fetch(token);
    {
      std::lock_guard<std::mutex> lk(mu_);
      token_ = next;
    }
    ordered_mu_.unlock();
  }

  task<void> sync_outer_lock() {
    std::lock_guard<std::mutex> serial(sync_serial_mu_);
    int token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = token_;
    }
    int next = co_await fetch(token);
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
  }

  task<void> guard_parameter(std::unique_lock<folly::coro::Mutex> serial) {
    int token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = token_;
    }
    int next = co_await fetch(token);
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
  }

  // Released before the suspension.
  task<void> released_before_suspending() {
    int token;
    {
      auto serial = co_await refresh_mu_.co_scoped_lock();
      std::lock_guard<std::mutex> lk(mu_);
      token = token_;
    }
    int next = co_await fetch(token);
    auto serial = co_await refresh_mu_.co_scoped_lock();
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'token_' is written under 'mu_' based on 'token_'{{.*}} [corolock-read-release-write]
  }

  // Released after the suspension, before the write.
  task<void> released_before_the_write() {
    co_await ordered_mu_.lock_async();
    int token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = token_;
    }
    int next = co_await fetch(token);
    ordered_mu_.unlock();
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'token_' is written under 'mu_' based on 'token_'{{.*}} [corolock-read-release-write]
  }

  // Taken only after the read.
  task<void> taken_after_the_read() {
    int token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = token_;
    }
    auto serial = co_await refresh_mu_.co_scoped_lock();
    int next = co_await fetch(token);
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'token_' is written under 'mu_' based on 'token_'{{.*}} [corolock-read-release-write]
  }

private:
  std::mutex mu_;
  std::mutex sync_serial_mu_;
  folly::coro::Mutex refresh_mu_;
  cppcoro::async_mutex ordered_mu_;
  int token_ = 0;
};

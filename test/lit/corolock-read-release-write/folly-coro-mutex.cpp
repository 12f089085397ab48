// Async mutexes release their lock as sync ones do: folly::coro::Mutex
// through its scoped lock (a std::unique_lock) or co_lock()/unlock(). Held
// across the suspension, the same mutex makes the whole operation one
// critical section, which is not reported.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Counter {
public:
  task<void> scoped() {
    int seen;
    {
      auto lk = co_await mu_.co_scoped_lock();
      seen = value_;
    }
    int next = co_await fetch(seen);
    auto lk = co_await mu_.co_scoped_lock();
    value_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
  }

  task<void> manual() {
    co_await mu_.co_lock();
    int seen = value_;
    mu_.unlock();
    int next = co_await fetch(seen);
    co_await mu_.co_lock();
    value_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    mu_.unlock();
  }

  // The lock is held across the fetch: one critical section.
  task<void> held_across() {
    auto lk = co_await mu_.co_scoped_lock();
    int seen = value_;
    int next = co_await fetch(seen);
    value_ = next;
  }

  // Unlocked and locked again through the guard: two sections.
  task<void> guard_unlock() {
    auto lk = co_await mu_.co_scoped_lock();
    int seen = value_;
    lk.unlock();
    int next = co_await fetch(seen);
    auto again = co_await mu_.co_scoped_lock();
    value_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

private:
  folly::coro::Mutex mu_;
  int value_ = 0;
};

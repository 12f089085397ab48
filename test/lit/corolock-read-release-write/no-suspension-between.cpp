// Without a suspension point between the two critical sections, or with
// the mutex held across every suspension between them, no other coroutine
// runs in between on this coroutine's account: not reported. An awaitable
// that never suspends (constexpr await_ready() returning true) is no
// suspension point, nor is one listed in NonSuspendingAwaitables.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks
// RUN: %check_corolock --check-suffix=OPTION --config="{CheckOptions: {corolock-read-release-write.NonSuspendingAwaitables: 'sleep_for'}}" corolock-read-release-write %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

class Ledger {
public:
  task<void> relocked_without_suspending() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = total_;
    }
    int next = compute(seen);
    std::lock_guard<std::mutex> lk(mu_);
    total_ = next;
  }

  task<void> suspended_before_the_read() {
    co_await send(0);
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = total_;
    }
    std::lock_guard<std::mutex> lk(mu_);
    total_ = seen + 1;
  }

  task<void> suspended_after_the_write() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = total_;
    }
    {
      std::lock_guard<std::mutex> lk(mu_);
      total_ = seen + 1;
    }
    co_await send(seen);
  }

  task<void> never_suspends() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = total_;
    }
    int one = co_await ready_now{};
    std::lock_guard<std::mutex> lk(mu_);
    total_ = seen + one;
  }

  task<void> async_mutex_held_across() {
    auto lk = co_await amu_.co_scoped_lock();
    int seen = atotal_;
    int next = co_await fetch(seen);
    atotal_ = next;
  }

  task<void> listed_as_non_suspending() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = total_;
    }
    co_await sleep_for(1);
    std::lock_guard<std::mutex> lk(mu_);
    total_ = seen + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'total_' is written under 'mu_' based on 'total_' read before a 'co_await'{{.*}} [corolock-read-release-write]
  }

private:
  std::mutex mu_;
  folly::coro::Mutex amu_;
  int total_ = 0;
  int atotal_ = 0;
};

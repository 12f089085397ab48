// Whether the write happens may depend on the value read: an early return
// in the first critical section, a branch on a local computed from it, a
// switch, a loop condition, a conditional operator. A branch that both ways
// reaches the write does not decide it.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

enum class Mode { Idle, Busy, Closed };

class Machine {
public:
  task<void> early_return() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (mode_ != Mode::Idle)
        co_return;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    mode_ = Mode::Busy;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'mode_' is written under 'mu_' based on 'mode_'{{.*}} [corolock-read-release-write]
  }

  task<void> branch_on_local() {
    Mode seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = mode_;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    if (seen == Mode::Idle)
      mode_ = Mode::Busy;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'mode_' is written under 'mu_' based on 'mode_'{{.*}} [corolock-read-release-write]
  }

  task<void> switch_on_local() {
    Mode seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = mode_;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    switch (seen) {
    case Mode::Idle:
      mode_ = Mode::Busy;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'mode_' is written under 'mu_' based on 'mode_'{{.*}} [corolock-read-release-write]
      break;
    default:
      break;
    }
  }

  task<void> loop_condition() {
    int pending;
    {
      std::lock_guard<std::mutex> lk(mu_);
      pending = pending_;
    }
    while (pending > 0) {
      co_await send(pending);
      std::lock_guard<std::mutex> lk(mu_);
      --pending_;
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'pending_' is written under 'mu_' based on 'pending_'{{.*}} [corolock-read-release-write]
      --pending;
    }
  }

  task<void> conditional_operator() {
    bool idle;
    {
      std::lock_guard<std::mutex> lk(mu_);
      idle = mode_ == Mode::Idle;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    mode_ = idle ? Mode::Busy : Mode::Closed;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'mode_' is written under 'mu_' based on 'mode_'{{.*}} [corolock-read-release-write]
  }

  // The branch joins again before the write: it does not decide it.
  task<void> branch_joins_before_the_write() {
    Mode seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = mode_;
    }
    if (seen == Mode::Closed)
      log_ = 1;
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    mode_ = Mode::Busy;
  }

private:
  std::mutex mu_;
  Mode mode_ = Mode::Idle;
  int pending_ = 0;
  int log_ = 0;
};

// The second critical section re-validates what it writes when a condition
// that the write depends on reads the location again under the lock:
// directly, through a local read in the same section, in a loop that waits
// until it holds, or as part of a longer condition. A check the write does
// not depend on, a check made before suspending again, a check without the
// lock, or a check of another location does not re-validate.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

class Slots {
public:
  task<bool> direct() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    if (used_ >= max_)
      co_return false;
    ++used_;
    co_return true;
  }

  task<bool> through_local() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = used_;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(mu_);
    int now = used_;
    if (now != seen)
      co_return false;
    used_ = seen + 1;
    co_return true;
  }

  task<bool> waits_in_a_loop() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(1);
    std::unique_lock<std::mutex> lk(mu_);
    while (used_ >= max_) {
      lk.unlock();
      compute(0);
      lk.lock();
    }
    ++used_;
    co_return true;
  }

  task<bool> part_of_a_condition(bool enabled) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    if (enabled && used_ < max_)
      ++used_;
    co_return true;
  }

  // Checked in an earlier section after the suspension, and not suspended
  // since: still the same view.
  task<bool> checked_in_an_earlier_section() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(1);
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    std::lock_guard<std::mutex> lk(mu_);
    ++used_;
    co_return true;
  }

  // The check's outcome does not decide the write.
  task<bool> check_ignored() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    if (used_ >= max_)
      compute(1);
    ++used_;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'used_' is written under 'mu_' based on 'used_'{{.*}} [corolock-read-release-write]
    co_return true;
  }

  // Checked, then suspended again before the write.
  task<bool> suspended_after_the_check() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(1);
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(2);
    std::lock_guard<std::mutex> lk(mu_);
    ++used_;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'used_' is written under 'mu_' based on 'used_'{{.*}} [corolock-read-release-write]
    co_return true;
  }

  // Checked without the lock: another coroutine may still change it.
  task<bool> checked_without_the_lock() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(1);
    if (used_ >= max_)
      co_return false;
    std::lock_guard<std::mutex> lk(mu_);
    ++used_;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'used_' is written under 'mu_' based on 'used_'{{.*}} [corolock-read-release-write]
    co_return true;
  }

  // Another location checked: 'used_' is not.
  task<bool> other_location_checked() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    if (max_ == 0)
      co_return false;
    ++used_;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'used_' is written under 'mu_' based on 'used_'{{.*}} [corolock-read-release-write]
    co_return true;
  }

private:
  std::mutex mu_;
  int used_ = 0;
  int max_ = 4;
};

// The write's own read of the location (`++used_`, `used_ += n`,
// `used_ = used_ + n`) is part of the write, not a check of it: the write
// still depends on the stale decision.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

class Budget {
public:
  task<void> increment() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    ++used_;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'used_' is written under 'mu_' based on 'used_'{{.*}} [corolock-read-release-write]
  }

  task<void> compound(int n) {
    int room;
    {
      std::lock_guard<std::mutex> lk(mu_);
      room = max_ - used_;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    used_ += room < n ? room : n;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'used_' is written under 'mu_' based on 'used_'{{.*}} [corolock-read-release-write]
  }

  task<void> read_in_the_value(int n) {
    int room;
    {
      std::lock_guard<std::mutex> lk(mu_);
      room = max_ - used_;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    used_ = used_ + (room < n ? room : n);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'used_' is written under 'mu_' based on 'used_'{{.*}} [corolock-read-release-write]
  }

  // A relative update that depends on nothing read before: not stale.
  task<void> independent_increment() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = used_;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(mu_);
    ++used_;
  }

private:
  std::mutex mu_;
  int used_ = 0;
  int max_ = 10;
};

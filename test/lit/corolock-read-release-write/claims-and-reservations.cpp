// The first critical section may claim what it read: it changes the location
// after reading it (reserving a slot, taking a token), so that the second
// only follows up; or it sets a flag that it tested, and the rest of the
// operation runs only when the test passed (a single-flight flag). Neither is
// reported. A flag the write does not depend on claims nothing.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_containers.h"
#include "std_mutex.h"
#include "task.h"

task<std::string> exchange(std::string token);

class Tokens {
public:
  // The slot is reserved with the check; on failure it is given back.
  task<bool> reserve() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (used_ >= max_)
        co_return false;
      ++used_;
    }
    int ok = co_await fetch(1);
    if (!ok) {
      std::lock_guard<std::mutex> lk(mu_);
      --used_;
    }
    co_return ok != 0;
  }

  // The token is taken: a concurrent caller finds none.
  task<void> take() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      token = token_;
      token_ = "";
    }
    std::string next = co_await exchange(token);
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
  }

  // Only one refresh runs at a time: the flag is tested and set together.
  task<void> single_flight() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (refreshing_)
        co_return;
      refreshing_ = true;
      token = token_;
    }
    std::string next = co_await exchange(token);
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
    refreshing_ = false;
  }

  // The flag is set, but the operation does not depend on the test.
  task<void> flag_not_tested_first() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (!refreshing_)
        refreshing_ = true;
      token = token_;
    }
    std::string next = co_await exchange(token);
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'token_' is written under 'mu_' based on 'token_'{{.*}} [corolock-read-release-write]
    refreshing_ = false;
  }

  // A flag tested but not set claims nothing.
  task<void> flag_tested_only() {
    std::string token;
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (refreshing_)
        co_return;
      token = token_;
    }
    std::string next = co_await exchange(token);
    std::lock_guard<std::mutex> lk(mu_);
    token_ = next;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'token_' is written under 'mu_' based on 'token_'{{.*}} [corolock-read-release-write]
  }

private:
  std::mutex mu_;
  int used_ = 0;
  int max_ = 2;
  bool refreshing_ = false;
  std::string token_;
};

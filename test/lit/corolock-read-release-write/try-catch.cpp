// A catch handler runs after any statement of its try block, and may write
// what was read before the suspension in the try block.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

class Account {
public:
  task<void> restore_on_failure() {
    int before;
    {
      std::lock_guard<std::mutex> lk(mu_);
      before = balance_;
    }
    try {
      co_await send(before);
    } catch (...) {
      std::lock_guard<std::mutex> lk(mu_);
      balance_ = before;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'balance_' is written under 'mu_' based on 'balance_'{{.*}} [corolock-read-release-write]
    }
  }

  // The slot was reserved before the try: giving it back is no stale write.
  task<void> give_back_on_failure() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (balance_ < 10)
        co_return;
      balance_ -= 10;
    }
    try {
      co_await send(10);
    } catch (...) {
      std::lock_guard<std::mutex> lk(mu_);
      balance_ += 10;
      throw;
    }
  }

private:
  std::mutex mu_;
  int balance_ = 0;
};

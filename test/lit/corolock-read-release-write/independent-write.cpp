// A write whose value and whose happening do not depend on anything read
// before the suspension is not stale, even though the location was read:
// constants, values computed after the suspension, unrelated awaits.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

int now();

class Stats {
public:
  task<void> constant() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = hits_;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(mu_);
    hits_ = 0;
  }

  task<void> fresh_value() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = last_;
    }
    co_await send(seen);
    int stamp = now();
    std::lock_guard<std::mutex> lk(mu_);
    last_ = stamp;
  }

  task<void> unrelated_await() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      log_ = hits_;
    }
    int fetched = co_await fetch(0);
    std::lock_guard<std::mutex> lk(mu_);
    hits_ = fetched;
  }

  // Written without having been read before: nothing to go stale.
  task<void> not_read_before() {
    int seen;
    {
      std::lock_guard<std::mutex> lk(mu_);
      seen = hits_;
    }
    co_await send(seen);
    std::lock_guard<std::mutex> lk(mu_);
    last_ = seen;
  }

private:
  std::mutex mu_;
  int hits_ = 0;
  int last_ = 0;
  int log_ = 0;
};

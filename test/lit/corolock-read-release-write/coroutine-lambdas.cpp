// Coroutine lambdas are coroutines of their own: members reached through a
// captured `this`, and variables captured by reference, are shared; a
// variable captured by copy is the lambda's own.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

class Spawner {
public:
  void start() {
    auto member = [this]() -> task<void> {
      int v;
      {
        std::lock_guard<std::mutex> lk(mu_);
        v = value_;
      }
      co_await send(v);
      std::lock_guard<std::mutex> lk(mu_);
      value_ = v + 1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
    };
    member();
  }

private:
  std::mutex mu_;
  int value_ = 0;
};

void run(std::mutex &mu) {
  int counter = 0;
  auto by_reference = [&]() -> task<void> {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu);
      v = counter;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu);
    counter = v + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'counter' is written under 'mu' based on 'counter'{{.*}} [corolock-read-release-write]
  };
  by_reference();

  auto by_copy = [&mu, counter]() mutable -> task<void> {
    int v;
    {
      std::lock_guard<std::mutex> lk(mu);
      v = counter;
    }
    co_await send(v);
    std::lock_guard<std::mutex> lk(mu);
    counter = v + 1;
  };
  by_copy();
}

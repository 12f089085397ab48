// A coroutine template is analyzed per instantiation; its findings share the
// template's locations and are reported once.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

template <typename T> class Box {
public:
  task<void> bump(T step) {
    T v;
    {
      std::lock_guard<std::mutex> lk(mu_);
      v = value_;
    }
    co_await send(1);
    std::lock_guard<std::mutex> lk(mu_);
    value_ = v + step;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value_' is written under 'mu_' based on 'value_'{{.*}} [corolock-read-release-write]
  }

private:
  std::mutex mu_;
  T value_{};
};

template <typename T> task<void> store(std::mutex &mu, T &slot) {
  T v;
  {
    std::lock_guard<std::mutex> lk(mu);
    v = slot;
  }
  co_await send(1);
  std::lock_guard<std::mutex> lk(mu);
  slot = v;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'slot' is written under 'mu' based on 'slot'{{.*}} [corolock-read-release-write]
}

std::mutex mu;
int a;
long b;

void use(Box<int> &x, Box<long> &y) {
  x.bump(1);
  y.bump(2);
  store(mu, a);
  store(mu, b);
}

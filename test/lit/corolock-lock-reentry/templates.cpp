// A class template's coroutines are checked in each instantiation, once per
// place; a function template called under the lock is followed in its
// instantiation.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

template <typename T> class Channel {
public:
  task<void> push(T v) {
    auto lk = co_await mu_.co_scoped_lock();
    last_ = v;
  }
  task<void> push_two(T a, T b) {
    auto lk = co_await mu_.co_scoped_lock();
    last_ = a;
    co_await push(b);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Channel<int>::push' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  }

private:
  folly::coro::Mutex mu_;
  T last_{};
};

std::mutex g_mu;
template <typename T> void guarded_store(T &slot, T v) {
  std::lock_guard<std::mutex> g(g_mu);
  slot = v;
}

task<void> stores() {
  int slot = 0;
  std::lock_guard<std::mutex> g(g_mu);
  guarded_store(slot, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'guarded_store' locks sync mutex 'g_mu', which this coroutine already holds here [corolock-lock-reentry]
  co_return;
}

// Channel<long> shares push_two's call: one finding stands for both.
task<void> use() {
  Channel<int> c;
  co_await c.push_two(1, 2);
  Channel<long> d;
  co_await d.push_two(1, 2);
}

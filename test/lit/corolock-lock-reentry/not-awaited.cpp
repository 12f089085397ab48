// A coroutine called but not awaited does not run to its lock while the
// caller holds the mutex (it is spawned, stored or started later), and a
// lambda created under the lock but not called there does not count.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

void spawn(task<void> t);
template <typename F> void post(F f);

class Queue {
public:
  task<void> put(int v) {
    auto lk = co_await mu_.co_scoped_lock();
    value_ = v;
  }
  task<void> spawns() {
    auto lk = co_await mu_.co_scoped_lock();
    spawn(put(1));
    task<void> later = put(2);
    co_await send(1);
  }
  task<void> posts_lambda() {
    auto lk = co_await mu_.co_scoped_lock();
    post([this] { std::lock_guard<std::mutex> g(smu_); ++value_; });
    auto deferred = [this] { std::lock_guard<std::mutex> g(smu_); };
    co_await send(2);
  }
  task<void> holds_sync() {
    std::lock_guard<std::mutex> g(smu_);
    post([this] { std::lock_guard<std::mutex> inner(smu_); });
    co_return;
  }

private:
  folly::coro::Mutex mu_;
  std::mutex smu_;
  int value_ = 0;
};

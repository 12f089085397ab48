// A wait that is handed the lock (`co_await cv.wait(lk)`) releases it only
// to take it back before resuming, the usual way to wait for a condition;
// it is no suspension without the mutex. A suspension after releasing the
// lock still is.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "libcoro_mutex.h"

class Queue {
public:
  coro::task<void> wait_for_room() {
    auto lk = co_await mu_.scoped_lock();
    int seen = size_;
    co_await cv_.wait(lk);
    size_ = seen + 1;
  }

  coro::task<void> released_then_suspended() {
    int seen;
    {
      auto lk = co_await mu_.scoped_lock();
      seen = size_;
    }
    co_await other_.scoped_lock();
    auto lk = co_await mu_.scoped_lock();
    size_ = seen + 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'size_' is written under 'mu_' based on 'size_'{{.*}} [corolock-read-release-write]
  }

private:
  coro::mutex mu_;
  coro::mutex other_;
  coro::condition_variable cv_;
  int size_ = 0;
};

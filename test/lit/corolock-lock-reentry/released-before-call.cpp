// A lock released before the call (unlock, scope end, guard moved away or
// reset) is not held there: not reported. Held only on some paths, it is not
// reported either (definitely held locks only).
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

void keep(std::unique_lock<folly::coro::Mutex> lk);

class Cache {
public:
  task<void> put(int v) {
    auto lk = co_await mu_.co_scoped_lock();
    value_ = v;
  }
  task<void> unlocked() {
    auto lk = co_await mu_.co_scoped_lock();
    ++value_;
    lk.unlock();
    co_await put(1);
  }
  task<void> scoped() {
    {
      auto lk = co_await mu_.co_scoped_lock();
      ++value_;
    }
    co_await put(2);
  }
  task<void> moved_away() {
    auto lk = co_await mu_.co_scoped_lock();
    keep(std::move(lk));
    co_await put(3);
  }
  task<void> manual() {
    co_await mu_.co_lock();
    ++value_;
    mu_.unlock();
    co_await put(4);
  }
  task<void> maybe(bool b) {
    std::unique_lock<folly::coro::Mutex> lk;
    if (b)
      lk = co_await mu_.co_scoped_lock();
    co_await put(5);
  }

private:
  folly::coro::Mutex mu_;
  int value_ = 0;
};

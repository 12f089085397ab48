// A service counts requests per route for its metrics endpoint. HitCounter
// guards the table with a folly::coro::Mutex, but no critical section on it
// ever suspends: every lock pays for an awaitable and, under contention, for
// suspending the coroutine and scheduling it again, to protect a map update.
// corolock reports the mutex, with a note at each acquisition.
// HitCounterFixed uses a std::mutex and plain functions, and is not reported.
//
//   build/llvm-19/bin/corolock examples/*.cpp

#include <map>
#include <mutex>
#include <string>

#include "folly/coro/Mutex.h"
#include "task.h"

using Hits = std::map<std::string, long>;

class HitCounter {
public:
  // Reported: the lock is taken and released without a co_await in between.
  task<void> record(std::string route) {
    auto lk = co_await mu_.co_scoped_lock();
    ++hits_[route];
  }

  // Reported: a copy of the table, no suspension either.
  task<Hits> snapshot() {
    auto lk = co_await mu_.co_scoped_lock();
    co_return hits_;
  }

private:
  folly::coro::Mutex mu_;
  Hits hits_;
};

// Fix: a std::mutex. Nothing suspends while it is held, so the coroutines
// that record hits never block their thread for long, and the functions need
// not be coroutines at all.
class HitCounterFixed {
public:
  void record(const std::string &route) {
    std::lock_guard<std::mutex> lk(mu_);
    ++hits_[route];
  }

  Hits snapshot() {
    std::lock_guard<std::mutex> lk(mu_);
    return hits_;
  }

private:
  std::mutex mu_;
  Hits hits_;
};

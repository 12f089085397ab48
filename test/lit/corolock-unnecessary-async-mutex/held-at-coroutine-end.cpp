// A lock a coroutine leaves locked when it ends, at its end or at a
// `co_return`, on every path or only some, is released later by other code,
// often another coroutine: the section runs across the caller's suspension
// points, out of sight, so the mutex is needed ('write_mu_', 'batch_mu_').
// A coroutine that unlocks before each `co_return` holds its sections to
// there only ('stats_mu_' is reported).
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "task.h"

// cppcoro style: exclusive access to a connection spans several awaited
// calls of the caller, between begin_exclusive() and end_exclusive().
class Connection {
public:
  task<void> begin_exclusive() { co_await write_mu_.lock_async(); }

  task<void> end_exclusive() {
    write_mu_.unlock();
    co_return;
  }

  task<void> write(int v) {
    co_await write_mu_.lock_async();
    last_ = v;
    write_mu_.unlock();
  }

private:
  cppcoro::async_mutex write_mu_;
  int last_ = 0;
};

// folly::coro style: a batch is opened by a coroutine that returns with the
// mutex locked when it succeeds; commit() unlocks it.
class Batcher {
public:
  task<bool> open() {
    co_await batch_mu_.co_lock();
    if (closed_) {
      batch_mu_.unlock();
      co_return false;
    }
    co_return true;
  }

  void commit() { batch_mu_.unlock(); }

  task<int> size() {
    co_await batch_mu_.co_lock();
    int n = size_;
    batch_mu_.unlock();
    co_return n;
  }

private:
  folly::coro::Mutex batch_mu_;
  bool closed_ = false;
  int size_ = 0;
};

class Stats {
  folly::coro::Mutex stats_mu_;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'stats_mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  long total_ = 0;

public:
  task<bool> record(int v) {
    co_await stats_mu_.co_lock();
    // CHECK-NOTES: :[[@LINE-1]]:24: note: async mutex 'stats_mu_' locked here and released without suspending
    if (v < 0) {
      stats_mu_.unlock();
      co_return false;
    }
    total_ += v;
    stats_mu_.unlock();
    co_return true;
  }
};

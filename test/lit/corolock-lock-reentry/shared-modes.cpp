// A reader lock taken again under a reader lock is not reported (it waits
// only behind a waiting writer, on some implementations); any re-entry with
// an exclusive lock is.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Table {
public:
  task<int> read() {
    auto lk = co_await mu_.co_scoped_lock_shared();
    co_return value_;
  }
  task<void> write(int v) {
    auto lk = co_await mu_.co_scoped_lock();
    value_ = v;
  }
  task<int> read_twice() {
    auto lk = co_await mu_.co_scoped_lock_shared();
    co_return co_await read();
  }
  task<void> read_then_write() {
    auto lk = co_await mu_.co_scoped_lock_shared();
    if (value_ == 0)
      co_await write(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'Table::write' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  }
  task<void> write_then_read() {
    auto lk = co_await mu_.co_scoped_lock();
    value_ = co_await read();
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Table::read' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  }

private:
  folly::coro::SharedMutex mu_;
  int value_ = 0;
};

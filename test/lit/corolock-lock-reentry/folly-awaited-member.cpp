// The example: refresh() holds mu_ across co_await and awaits put(),
// which locks mu_ again on the same object: it waits for itself forever.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

struct Entry {};

class Cache {
public:
  task<void> refresh();
  task<void> put(Entry e);

private:
  folly::coro::Mutex mu_;
  int entries_ = 0;
};

task<void> Cache::put(Entry e) {
  auto lk = co_await mu_.co_scoped_lock();
  ++entries_;
}

task<void> Cache::refresh() {
  auto lk = co_await mu_.co_scoped_lock();
  co_await fetch(1);
  co_await put(Entry{});
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'Cache::put' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: the mutex is not recursive: the coroutine waits for itself forever; release the lock before the call, or call a variant that expects it held; see docs/checks/corolock-lock-reentry.md
  // CHECK-NOTES: :[[@LINE-5]]:8: note: 'mu_' locked here
  // CHECK-NOTES: :[[@LINE-11]]:8: note: 'Cache::put' locks 'mu_' again here
}

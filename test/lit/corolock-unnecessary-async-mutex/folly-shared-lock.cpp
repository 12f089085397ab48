// Recent folly returns a folly::coro::SharedLock<SharedMutexFair>, not a
// std::shared_lock, for shared locks: it is an async guard too. A reader that
// adopts co_lock_shared() into one and holds it across co_await makes 'mu'
// necessary; 'quick', whose SharedLock is released before suspending, is
// reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::SharedMutex mu;
folly::coro::SharedMutex quick;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'quick' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 1 critical section in this translation unit never suspends while holding it: a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int version;

task<void> bump() {
  auto lk = co_await mu.co_scoped_lock();
  ++version;
}

task<void> publish() {
  co_await mu.co_lock_shared();
  folly::coro::SharedLock<folly::coro::SharedMutex> lk(mu, std::adopt_lock);
  co_await send(version);
}

task<int> peek() {
  co_await quick.co_lock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:18: note: async mutex 'quick' locked here and released without suspending
  int v;
  {
    folly::coro::SharedLock<folly::coro::SharedMutex> lk(quick,
                                                          std::adopt_lock);
    v = version;
    ++v;
  }
  co_await send(v);
  co_return v;
}

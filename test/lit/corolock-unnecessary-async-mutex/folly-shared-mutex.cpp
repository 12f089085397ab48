// Preset folly::coro::SharedMutex (an alias of SharedMutexFair): readers
// through co_scoped_lock_shared() (a std::shared_lock) and a manual
// co_lock_shared() ... unlock_shared(), and a writer through co_scoped_lock(),
// are all critical sections of one mutex. None suspends: the mutex is
// reported, with a note at every acquisition, and the explanation counts the
// three sections.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::SharedMutex mu;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 3 critical sections in this translation unit never suspend while holding it: a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int config[4];
int version;

task<int> read_scoped(int i) {
  int value;
  {
    std::shared_lock<folly::coro::SharedMutex> lk =
        co_await mu.co_scoped_lock_shared();
        // CHECK-NOTES: :[[@LINE-2]]:48: note: async mutex 'mu' locked here and released without suspending
    value = config[i] + version;
  }
  co_return value;
}

task<int> read_manual(int i) {
  co_await mu.co_lock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:15: note: async mutex 'mu' locked here and released without suspending
  int value = config[i];
  mu.unlock_shared();
  co_await send(value);
  co_return value;
}

task<void> write(int i, int value) {
  auto lk = co_await mu.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'mu' locked here and released without suspending
  config[i] = value;
  ++version;
}

// Preset coro::shared_mutex<executor> (libcoro), whose lock and unlock
// operations are all awaited tasks: co_await lock_shared() ...
// co_await unlock_shared(). Awaiting the unlock ends the critical section, so
// neither section suspends while holding the mutex. On 'counters' each
// section is a lone integer update (std::atomic); on 'table' it is not.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"

coro::thread_pool *pool;
coro::shared_mutex<coro::thread_pool> counters(pool);
// CHECK-NOTES: :[[@LINE-1]]:39: warning: async mutex 'counters' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:39: note: its 2 critical sections in this translation unit never suspend while holding it, and each only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
coro::shared_mutex<coro::thread_pool> table(pool);
int hits;
int rows[8];

coro::task<void> hit() {
  co_await counters.lock();
  // CHECK-NOTES: :[[@LINE-1]]:21: note: async mutex 'counters' locked here and released without suspending
  ++hits;
  co_await counters.unlock();
}

coro::task<void> miss() {
  co_await counters.lock();
  // CHECK-NOTES: :[[@LINE-1]]:21: note: async mutex 'counters' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-14]]:39: warning: async mutex 'table' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-15]]:39: note: its 1 critical section in this translation unit never suspends while holding it: a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  --hits;
  co_await counters.unlock();
}

coro::task<int> lookup(int i) {
  co_await table.lock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:18: note: async mutex 'table' locked here and released without suspending
  int row = rows[i];
  co_await table.unlock_shared();
  co_return row;
}

// Preset coro::shared_mutex<executor> (libcoro), whose lock and unlock
// operations are all awaited tasks: co_await lock_shared() ...
// co_await unlock_shared(). Awaiting the unlock ends the critical section, so
// neither section suspends while holding the mutex. On 'counters' each
// section is a lone integer update (std::atomic); on 'table' it is not.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"

coro::thread_pool *pool;
coro::shared_mutex<coro::thread_pool> counters(pool);
coro::shared_mutex<coro::thread_pool> table(pool);
int hits;
int rows[8];

coro::task<void> hit() {
  co_await counters.lock();
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: async mutex 'counters' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-8]]:39: note: 'counters' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  ++hits;
  co_await counters.unlock();
}

coro::task<void> miss() {
  co_await counters.lock();
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: async mutex 'counters' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-16]]:39: note: 'counters' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  --hits;
  co_await counters.unlock();
}

coro::task<int> lookup(int i) {
  co_await table.lock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: async mutex 'table' is never held across a suspension point; a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-23]]:39: note: 'table' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  int row = rows[i];
  co_await table.unlock_shared();
  co_return row;
}

// libcoro's coro::shared_mutex::scoped_lock(task) and scoped_lock_shared(task)
// run the given task under the lock, holding it across whatever the task
// awaits, out of sight: the mutex escapes, and its other critical section,
// which never suspends, is not reported. A mutex never given a task is.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"

coro::thread_pool *pool;
coro::shared_mutex<coro::thread_pool> mu(pool);
coro::shared_mutex<coro::thread_pool> plain(pool);
int n;

coro::task<void> flush();

coro::task<void> update() {
  co_await flush();
  ++n;
}

coro::task<void> locked_update() { co_await mu.scoped_lock(update()); }

coro::task<void> read() { co_await mu.scoped_lock_shared(update()); }

coro::task<void> bump() {
  co_await mu.lock();
  ++n;
  co_await mu.unlock();
}

coro::task<void> bump_plain() {
  co_await plain.lock();
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: async mutex 'plain' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-23]]:39: note: 'plain' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  ++n;
  co_await plain.unlock();
}

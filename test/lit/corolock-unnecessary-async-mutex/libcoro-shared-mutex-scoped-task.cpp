// libcoro's coro::shared_mutex::scoped_lock(task) and scoped_lock_shared(task)
// run the given task under the lock, holding it across whatever the task
// awaits, out of sight: the mutex escapes, and its other critical section,
// which never suspends, is not reported. A mutex never given a task is.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"

coro::thread_pool *pool;
coro::shared_mutex<coro::thread_pool> mu(pool);
coro::shared_mutex<coro::thread_pool> plain(pool);
// CHECK-NOTES: :[[@LINE-1]]:39: warning: async mutex 'plain' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:39: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
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
  // CHECK-NOTES: :[[@LINE-1]]:18: note: async mutex 'plain' locked here and released without suspending
  ++n;
  co_await plain.unlock();
}

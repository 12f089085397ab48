// async_simple::coro::ConditionVariable<Mutex>::wait(mutex, pred) takes the
// mutex itself and unlocks and relocks it while the coroutine waits: the
// mutex escapes to the wait and is not reported. A mutex never handed to a
// wait is.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "async_simple_mutex.h"

async_simple::coro::Mutex mu;
async_simple::coro::Mutex stats;
async_simple::coro::ConditionVariable<async_simple::coro::Mutex> cv;
int ready;
int waits;

async_simple::coro::Lazy<void> await_ready() {
  co_await mu.coLock();
  co_await cv.wait(mu, [] { return ready > 0; });
  --ready;
  mu.unlock();
}

async_simple::coro::Lazy<void> count_wait() {
  co_await stats.coLock();
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: async mutex 'stats' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-15]]:27: note: 'stats' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  ++waits;
  stats.unlock();
}

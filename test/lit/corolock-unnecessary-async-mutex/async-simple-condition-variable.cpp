// async_simple::coro::ConditionVariable<Mutex>::wait(mutex, pred) takes the
// mutex itself and unlocks and relocks it while the coroutine waits: the
// mutex escapes to the wait and is not reported. A mutex never handed to a
// wait is.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "async_simple_mutex.h"

async_simple::coro::Mutex mu;
async_simple::coro::Mutex stats;
// CHECK-NOTES: :[[@LINE-1]]:27: warning: async mutex 'stats' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:27: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
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
  // CHECK-NOTES: :[[@LINE-1]]:18: note: async mutex 'stats' locked here and released without suspending
  ++waits;
  stats.unlock();
}

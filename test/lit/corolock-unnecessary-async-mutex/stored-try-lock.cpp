// A try-lock whose result is stored (`auto ok = mu.tryLock(); if (ok)`) is a
// critical section like `if (mu.tryLock())`: where the variable says the
// lock was taken, it is held ('flush_mu' suspends with it, and is not
// reported); where it says not, it is not ('count_mu' is held only where
// `ok` is true, not at the later co_await, and is reported). A variable
// written again is not trusted ('retry_mu' is possibly held at the
// co_await, and is not reported).
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "async_simple_mutex.h"
#include "task.h"

using async_simple::coro::Lazy;

async_simple::coro::Mutex flush_mu;
async_simple::coro::Mutex count_mu;
// CHECK-NOTES: :[[@LINE-1]]:27: warning: async mutex 'count_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:27: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
async_simple::coro::Mutex retry_mu;
int pending, counted, retries;

Lazy<void> try_flush() {
  auto ok = flush_mu.tryLock();
  if (ok) {
    co_await send(pending);
    flush_mu.unlock();
  }
}

Lazy<void> try_count() {
  bool ok = count_mu.tryLock();
  // CHECK-NOTES: :[[@LINE-1]]:22: note: async mutex 'count_mu' locked here and released without suspending
  if (ok) {
    counted += pending;
    count_mu.unlock();
  }
  co_await send(counted);
}

Lazy<void> try_retry(bool ready) {
  bool ok = retry_mu.tryLock();
  ok = ok && ready;
  if (ok) {
    ++retries;
    retry_mu.unlock();
  }
  co_await send(retries);
}

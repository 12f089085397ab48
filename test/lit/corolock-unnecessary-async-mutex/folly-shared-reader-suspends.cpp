// A reader that holds folly::coro::SharedMutex across co_await needs the
// async mutex, so the writer's critical section, which never suspends, is not
// reported either: the mutex is judged by all of its sections in the
// translation unit, shared and exclusive alike.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::SharedMutex mu;
int version;

task<void> write() {
  auto lk = co_await mu.co_scoped_lock();
  ++version;
}

task<void> publish() {
  auto lk = co_await mu.co_scoped_lock_shared();
  co_await send(version);
}

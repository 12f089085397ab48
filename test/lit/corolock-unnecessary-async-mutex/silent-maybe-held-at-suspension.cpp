// A lock that may still be held at a suspension point (released on one branch
// only, or taken by try_lock()) counts as held across it: the mutex is not
// reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
cppcoro::async_mutex tried;
int pending;

task<void> maybe_release(bool done) {
  co_await mu.lock_async();
  ++pending;
  if (done)
    mu.unlock();
  co_await send(pending);
}

task<void> maybe_acquired() {
  bool locked = tried.try_lock();
  co_await send(pending);
  if (locked)
    tried.unlock();
}

// A try-lock does not wait: taken again while held it fails instead of
// deadlocking, and is not reported, directly or in a callee.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

std::mutex mu;
folly::coro::Mutex amu;
int value;

bool probe() {
  if (!mu.try_lock())
    return false;
  mu.unlock();
  return true;
}

task<void> tries_again() {
  std::lock_guard<std::mutex> g(mu);
  if (mu.try_lock())
    mu.unlock();
  std::unique_lock<std::mutex> lk(mu, std::try_to_lock);
  probe();
  co_return;
}

task<void> tries_async() {
  auto lk = co_await amu.co_scoped_lock();
  if (amu.try_lock())
    amu.unlock();
  co_await send(1);
}

// A guard constructed with std::defer_lock does not own its mutex: a co_await
// before any lock() is not reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> deferred() {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  co_await send(1);
}

// unique_lock::release() whose result is used hands the locked mutex to the
// caller's code (here it is unlocked through the pointer): a later co_await
// is not reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> unlocked_through_pointer() {
  std::unique_lock<std::mutex> lk(mu);
  std::mutex *m = lk.release();
  m->unlock();
  co_await send(1);
}

task<void> unlocked_directly() {
  std::unique_lock<std::mutex> lk(mu);
  lk.release()->unlock();
  co_await send(1);
}

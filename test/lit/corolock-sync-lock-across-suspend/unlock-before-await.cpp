// Anchor: unique_lock::unlock() before co_await releases the mutex, so the
// suspension is clean and nothing is reported, although the guard object is
// still alive (cppcoreguidelines-no-suspend-with-lock wrongly warns here).
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --tool=standalone corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int shared_value;

task<void> publish() {
  std::unique_lock<std::mutex> lk(mu);
  int v = shared_value;
  lk.unlock();
  co_await send(v);
}

// A plain function called under the lock runs before the coroutine goes on:
// its locks, and those of the functions it calls, are followed (a few levels
// deep), with a note at each call on the way.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

class Registry {
public:
  task<void> refresh();

private:
  void store(int v);
  void record(int v);
  int count();
  std::mutex mu_;
  int value_ = 0;
};

void Registry::store(int v) {
  std::lock_guard<std::mutex> g(mu_);
  value_ = v;
}

void Registry::record(int v) {
  if (v > 0)
    store(v);
}

int Registry::count() { return value_; }

task<void> Registry::refresh() {
  std::unique_lock<std::mutex> lk(mu_);
  count();
  record(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Registry::record' locks sync mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the mutex is not recursive
  // CHECK-NOTES: :[[@LINE-5]]:32: note: 'mu_' locked here
  // CHECK-NOTES: :[[@LINE-12]]:5: note: 'Registry::record' calls 'Registry::store' here
  // CHECK-NOTES: :[[@LINE-19]]:31: note: 'Registry::store' locks 'mu_' again here
  lk.unlock();
  record(2);
  co_return;
}

// An async mutex locked by hand (`co_await mu_.co_lock()`) is held until
// unlock(); an awaited coroutine that locks it meanwhile waits forever, and so
// does a second co_lock().
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Cache {
public:
  task<void> put(int v) {
    co_await mu_.co_lock();
    value_ = v;
    mu_.unlock();
  }
  task<void> refresh() {
    co_await mu_.co_lock();
    co_await put(1);
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'Cache::put' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
    // CHECK-NOTES: :[[@LINE-2]]:14: note: the mutex is not recursive
    // CHECK-NOTES: :[[@LINE-4]]:18: note: 'mu_' locked here
    // CHECK-NOTES: :[[@LINE-10]]:18: note: 'Cache::put' locks 'mu_' again here
    mu_.unlock();
  }
  task<void> twice() {
    co_await mu_.co_lock();
    co_await mu_.co_lock();
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: async mutex 'mu_' is locked again while this coroutine holds it [corolock-lock-reentry]
    // CHECK-NOTES: :[[@LINE-2]]:18: note: the mutex is not recursive
    // CHECK-NOTES: :[[@LINE-4]]:18: note: 'mu_' first locked here
    mu_.unlock();
  }

private:
  folly::coro::Mutex mu_;
  int value_ = 0;
};

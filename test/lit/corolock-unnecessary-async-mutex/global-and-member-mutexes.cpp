// Mutexes at namespace scope (external, internal and inside a namespace), a
// data member locked as 'mu_' and as 'this->mu_' (one mutex, two sections),
// and a static data member are all judged from this translation unit.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "task.h"

namespace app {
folly::coro::Mutex config_mu;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: async mutex 'config_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:20: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
} // namespace app
static cppcoro::async_mutex file_mu;
int n;

class Counter {
public:
  task<void> inc() {
    auto lk = co_await mu_.co_scoped_lock();
    ++value_;
  }
  task<void> dec() {
    auto lk = co_await this->mu_.co_scoped_lock();
    --value_;
  }
  task<void> reset_all() {
    auto lk = co_await all_mu_.scoped_lock_async();
    value_ = 0;
    n = 0;
  }

private:
  folly::coro::Mutex mu_;
  static cppcoro::async_mutex all_mu_;
  int value_ = 0;
};

cppcoro::async_mutex Counter::all_mu_;

task<void> configure() {
  auto lk = co_await app::config_mu.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'config_mu' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-30]]:29: warning: async mutex 'file_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-31]]:29: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  n = 1;
  n = 2;
}

task<void> log() {
  co_await file_mu.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:20: note: async mutex 'file_mu' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-19]]:22: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-20]]:22: note: its 2 critical sections in this translation unit never suspend while holding it, and each only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES: :[[@LINE-35]]:10: note: async mutex 'mu_' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-32]]:10: note: async mutex 'mu_' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-22]]:31: warning: async mutex 'all_mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-23]]:31: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES: :[[@LINE-31]]:10: note: async mutex 'all_mu_' locked here and released without suspending
  n = 3;
  n = 4;
  file_mu.unlock();
}

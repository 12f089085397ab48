// Mutexes at namespace scope (external, internal and inside a namespace), a
// data member locked as 'mu_' and as 'this->mu_' (one mutex, two sections),
// and a static data member are all judged from this translation unit.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "task.h"

namespace app {
folly::coro::Mutex config_mu;
} // namespace app
static cppcoro::async_mutex file_mu;
int n;

class Counter {
public:
  task<void> inc() {
    auto lk = co_await mu_.co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE--18]]:22: note: 'mu_' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
    ++value_;
  }
  task<void> dec() {
    auto lk = co_await this->mu_.co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE--12]]:22: note: 'mu_' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
    --value_;
  }
  task<void> reset_all() {
    auto lk = co_await all_mu_.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'all_mu_' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE--7]]:31: note: 'all_mu_' declared here; 1 critical section examined in this translation unit, none suspends while holding it
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
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'config_mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-38]]:20: note: 'config_mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  n = 1;
  n = 2;
}

task<void> log() {
  co_await file_mu.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: async mutex 'file_mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-44]]:29: note: 'file_mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  n = 3;
  n = 4;
  file_mu.unlock();
}

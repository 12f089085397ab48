// The suggested replacement follows how the mutex is used: a reader/writer
// mutex when some critical section takes it shared, a plain std::mutex when
// every section takes a shared mutex exclusively, and std::atomic when every
// section updates one integer.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

int config[16];
int hits;

folly::coro::SharedMutex readers_mu;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'readers_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 2 critical sections in this translation unit never suspend while holding it: a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md

task<int> read_config(int i) {
  auto lk = co_await readers_mu.co_scoped_lock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'readers_mu' locked here and released without suspending
  co_return config[i];
}

task<void> write_config(int i, int v) {
  auto lk = co_await readers_mu.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'readers_mu' locked here and released without suspending
  config[i] = v;
  config[0] = i;
}

folly::coro::SharedMutex writers_mu;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'writers_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md

task<void> reset_config() {
  auto lk = co_await writers_mu.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'writers_mu' locked here and released without suspending
  config[0] = 0;
  config[1] = 0;
}

folly::coro::SharedMutex hits_mu;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'hits_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md

task<void> count_hit() {
  co_await hits_mu.co_lock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:20: note: async mutex 'hits_mu' locked here and released without suspending
  ++hits;
  hits_mu.unlock_shared();
}

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

task<int> read_config(int i) {
  auto lk = co_await readers_mu.co_scoped_lock_shared();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: async mutex 'readers_mu' is never held across a suspension point; a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  co_return config[i];
}

task<void> write_config(int i, int v) {
  auto lk = co_await readers_mu.co_scoped_lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: async mutex 'readers_mu' is never held across a suspension point; a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  config[i] = v;
  config[0] = i;
}

folly::coro::SharedMutex writers_mu;

task<void> reset_config() {
  auto lk = co_await writers_mu.co_scoped_lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: async mutex 'writers_mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  config[0] = 0;
  config[1] = 0;
}

folly::coro::SharedMutex hits_mu;

task<void> count_hit() {
  co_await hits_mu.co_lock_shared();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: async mutex 'hits_mu' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  ++hits;
  hits_mu.unlock_shared();
}

// Two readers admit each other: a cycle in which some mutex is only read in
// both of its orders cannot deadlock on its own (as for re-entry, a writer
// queued between them is not assumed), and is not reported. With a writer
// on either side of each mutex it is.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::SharedMutex config_mu, cache_mu;
folly::coro::SharedMutex a_mu, b_mu;

task<void> read_both() {
  auto c = co_await config_mu.co_scoped_lock_shared();
  auto k = co_await cache_mu.co_scoped_lock();
}
task<void> read_both_reversed() {
  auto k = co_await cache_mu.co_scoped_lock();
  auto c = co_await config_mu.co_scoped_lock_shared();
}

task<void> write_a_then_b() {
  auto a = co_await a_mu.co_scoped_lock();
  auto b = co_await b_mu.co_scoped_lock_shared();
}
task<void> write_b_then_a() {
  auto b = co_await b_mu.co_scoped_lock();
  auto a = co_await a_mu.co_scoped_lock_shared();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: mutex 'a_mu' is locked while 'b_mu' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
}

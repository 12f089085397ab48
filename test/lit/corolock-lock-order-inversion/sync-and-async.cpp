// Sync and async mutexes order each other: a std::mutex held while an async
// lock is awaited in one place, taken under that async lock elsewhere.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

std::mutex stats_mu;
folly::coro::Mutex table_mu;

task<void> flush() {
  auto lt = co_await table_mu.co_scoped_lock();
  std::lock_guard<std::mutex> ls(stats_mu);
}
task<void> sample() {
  std::unique_lock<std::mutex> ls(stats_mu);
  auto lt = co_await table_mu.co_scoped_lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: mutex 'table_mu' is locked while 'stats_mu' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
}

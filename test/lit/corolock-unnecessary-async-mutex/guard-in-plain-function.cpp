// A guard over an async mutex declared in a plain function (a test body
// that takes the lock with a blocking wait, or try-locks it into a
// std::unique_lock, and holds it for its whole duration) is a critical
// section the analysis of coroutine bodies does not see: it is held across
// whatever the function blocks on, here other coroutines run to completion.
// Those mutexes are not judged. A plain function's guard over a std::mutex
// says nothing about the async mutex next to it ('queue_mu_' is reported).
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks -isystem %S/Inputs

#include <compose.h>
#include "std_mutex.h"

folly::coro::Mutex cache_mu;
folly::coro::Mutex tried_mu;
async_simple::coro::Mutex table_mu;
cppcoro::async_mutex adopted_mu;
int hits;

task<void> hit() {
  auto lk = co_await cache_mu.co_scoped_lock();
  ++hits;
}

task<void> hit_tried() {
  auto lk = co_await tried_mu.co_scoped_lock();
  ++hits;
}

async_simple::coro::Lazy<void> hit_table() {
  auto lk = co_await table_mu.coScopedLock();
  ++hits;
}

task<void> hit_adopted() {
  auto lk = co_await adopted_mu.scoped_lock_async();
  ++hits;
}

// TEST(CacheTest, HitWaitsForHolder): the test body holds the lock while
// the coroutine under test runs.
void test_hit_waits_for_holder() {
  auto lk = folly::coro::blockingWait(cache_mu.co_scoped_lock());
  auto pending = hit();
  compute(hits);
}

void test_hit_waits_for_tried_holder() {
  std::unique_lock<folly::coro::Mutex> lk(tried_mu, std::try_to_lock);
  auto pending = hit_tried();
  compute(hits);
}

void test_table_holder() {
  auto lk = async_simple::coro::syncAwait(table_mu.coScopedLock());
  async_simple::coro::syncAwait(hit_table());
}

void test_adopted_holder() {
  if (!adopted_mu.try_lock())
    return;
  cppcoro::async_mutex_lock lk(adopted_mu, std::adopt_lock);
  cppcoro::sync_wait(hit_adopted());
}

class WorkQueue {
  folly::coro::Mutex queue_mu_;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'queue_mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  std::mutex stats_mu_;
  int queued_ = 0;
  int dropped_ = 0;

public:
  task<void> push() {
    auto lk = co_await queue_mu_.co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'queue_mu_' locked here and released without suspending
    ++queued_;
  }

  void drop() {
    std::lock_guard<std::mutex> lk(stats_mu_);
    ++dropped_;
  }
};

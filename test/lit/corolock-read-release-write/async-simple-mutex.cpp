// async_simple: coro::Mutex through coScopedLock() (a std::unique_lock) and
// coLock()/unlock(), and coro::SharedMutex with a shared read and an
// exclusive write of the same mutex.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "async_simple_mutex.h"

using async_simple::coro::Lazy;

Lazy<int> price_of(int item);

class Cart {
public:
  Lazy<void> scoped() {
    int item;
    {
      auto lk = co_await mu_.coScopedLock();
      item = item_;
    }
    int price = co_await price_of(item);
    auto lk = co_await mu_.coScopedLock();
    // 'total_' was not read before the suspension: nothing to go stale.
    total_ = price;
    if (price > 100)
      item_ = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'item_' is written under 'mu_' based on 'item_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
  }

  Lazy<void> manual() {
    co_await mu_.coLock();
    int item = item_;
    mu_.unlock();
    int price = co_await price_of(item);
    co_await mu_.coLock();
    item_ = price > 100 ? 0 : item;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'item_' is written under 'mu_' based on 'item_' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    mu_.unlock();
  }

  Lazy<void> shared_then_exclusive() {
    co_await rw_.coLockShared();
    int item = shared_item_;
    co_await rw_.unlockShared();
    int price = co_await price_of(item);
    co_await rw_.coLock();
    shared_item_ = price;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'shared_item_' is written under 'rw_' based on 'shared_item_'{{.*}} [corolock-read-release-write]
    co_await rw_.unlock();
  }

private:
  async_simple::coro::Mutex mu_;
  async_simple::coro::SharedMutex rw_;
  int item_ = 0;
  int total_ = 0;
  int shared_item_ = 0;
};

// Preset concurrencpp::async_lock: co_await lock(executor) yields a
// concurrencpp::scoped_async_lock that holds the lock until it is destroyed,
// or until its unlock(). Neither section is held across a suspension point.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "concurrencpp_async_lock.h"

concurrencpp::async_lock lock;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'lock' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 2 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
std::shared_ptr<concurrencpp::executor> executor;
int balance;
int fees;

concurrencpp::lazy_result<void> deposit(int amount) {
  auto guard = co_await lock.lock(executor);
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'lock' locked here and released without suspending
  balance += amount;
  fees += 1;
}

concurrencpp::lazy_result<int> withdraw(int amount,
                                        concurrencpp::lazy_result<void> log) {
  concurrencpp::scoped_async_lock guard = co_await lock.lock(executor);
  // CHECK-NOTES: :[[@LINE-1]]:35: note: async mutex 'lock' locked here and released without suspending
  balance -= amount;
  int left = balance;
  guard.unlock();
  co_await log;
  co_return left;
}

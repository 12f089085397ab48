// Preset concurrencpp::async_lock: co_await lock(executor) yields a
// concurrencpp::scoped_async_lock that holds the lock until it is destroyed,
// or until its unlock(). Neither section is held across a suspension point.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "concurrencpp_async_lock.h"

concurrencpp::async_lock lock;
std::shared_ptr<concurrencpp::executor> executor;
int balance;
int fees;

concurrencpp::lazy_result<void> deposit(int amount) {
  auto guard = co_await lock.lock(executor);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'lock' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-8]]:26: note: 'lock' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  balance += amount;
  fees += 1;
}

concurrencpp::lazy_result<int> withdraw(int amount,
                                        concurrencpp::lazy_result<void> log) {
  concurrencpp::scoped_async_lock guard = co_await lock.lock(executor);
  // CHECK-NOTES: :[[@LINE-1]]:35: warning: async mutex 'lock' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-17]]:26: note: 'lock' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  balance -= amount;
  int left = balance;
  guard.unlock();
  co_await log;
  co_return left;
}

// cppcoro::async_mutex: scoped_lock_async() guards and lock_async() with an
// adopting async_mutex_lock, in opposite orders.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex sessions_mu, routes_mu;

task<void> add_session() {
  auto ls = co_await sessions_mu.scoped_lock_async();
  co_await routes_mu.lock_async();
  cppcoro::async_mutex_lock lr(routes_mu, std::adopt_lock);
}

task<void> add_route() {
  auto lr = co_await routes_mu.scoped_lock_async();
  auto ls = co_await sessions_mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: mutex 'sessions_mu' is locked while 'routes_mu' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: lock them in one order everywhere, or together with std::scoped_lock
  // CHECK-NOTES: :[[@LINE-10]]:8: note: 'sessions_mu' locked here in 'add_session'
  // CHECK-NOTES: :[[@LINE-10]]:22: note: then 'routes_mu' locked here while 'sessions_mu' is held
  // CHECK-NOTES: :[[@LINE-6]]:8: note: 'routes_mu' locked here in 'add_route'
  // CHECK-NOTES: :[[@LINE-6]]:8: note: then 'sessions_mu' locked here while 'routes_mu' is held
}

task<void> add_route_fixed() {
  auto ls = co_await sessions_mu.scoped_lock_async();
  auto lr = co_await routes_mu.scoped_lock_async();
}

// Broken code of many kinds, all corolock checks at once: the tool reports the
// compiler's errors and exits 1 (`not` fails on a crash or an assertion), the
// analysis skips nothing it can still read, and the valid coroutine after the
// broken ones is reported.
// RUN: not %corolock --checks='-*,corolock-*' %s -- %std_cxx20 %mocks > %t.out 2>&1
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='warning:'

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

std::mutex mu;
folly::coro::Mutex amu;
struct not_awaitable {};
struct incomplete;

task<void> undeclared_things() {
  std::lock_guard<std::mutex> lk(mu);
  co_await no_such_function(1);
  // CHECK-DAG: :[[@LINE-1]]:12: error: use of undeclared identifier 'no_such_function'
  std::lock_guard<no_such_mutex> lk2(mu);
  // CHECK-DAG: :[[@LINE-1]]:19: error: use of undeclared identifier 'no_such_mutex'
  co_await not_awaitable{};
  // CHECK-DAG: :[[@LINE-1]]:12: error: no member named 'await_ready' in 'not_awaitable'
  co_await send(1);
}

task<void> incomplete_awaitable(incomplete &i) {
  std::lock_guard<std::mutex> lk(mu);
  co_await i;
  // CHECK-DAG: :[[@LINE-1]]:12: error: incomplete definition of type 'incomplete'
}

task<void> bad_guard_arguments() {
  std::unique_lock<std::mutex> lk(mu, 1, 2, 3);
  // CHECK-DAG: :[[@LINE-1]]:32: error: no matching constructor
  std::lock_guard<std::mutex> lk2;
  // CHECK-DAG: :[[@LINE-1]]:31: error: no matching constructor
  co_await send(1);
  lk.unlock(42);
  // CHECK-DAG: :[[@LINE-1]]:13: error: too many arguments to function call
}

task<void> async_lock_misused() {
  auto lk = amu.co_scoped_lock(); // Not awaited: an awaitable, not a lock.
  lk.unlock();
  // CHECK-DAG: :[[@LINE-1]]:6: error: no member named 'unlock'
  co_await amu.no_such_member();
  // CHECK-DAG: :[[@LINE-1]]:16: error: no member named 'no_such_member'
  co_await send(1);
}

task<void> co_return_and_return() {
  return;
  // CHECK-DAG: :[[@LINE-1]]:3: error: return statement not allowed in coroutine
  co_await send(1);
}

task<void> broken_statements() {
  std::lock_guard<std::mutex> lk(mu);
  for (auto x : 42)
    // CHECK-DAG: :[[@LINE-1]]:15: error: invalid range expression of type 'int'
    co_await send(x);
  switch (no_such_value) {
    // CHECK-DAG: :[[@LINE-1]]:11: error: use of undeclared identifier 'no_such_value'
  case 1:
    // The lock is held here whatever the switch's condition: reported.
    co_await send(1);
    // CHECK-DAG: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_await'
  }
  if (co_await not_awaitable{})
    // CHECK-DAG: :[[@LINE-1]]:16: error: no member named 'await_ready' in 'not_awaitable'
    co_return;
}

task<void> valid() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
  // CHECK-DAG: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await'
}

// Not coroutines of a known kind: no promise type.
int not_a_coroutine() {
  co_await send(1);
  return 0;
}
struct no_promise {};
no_promise missing_promise_type() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
}
// CHECK-DAG: std_coroutine.h:{{[0-9]+}}:{{[0-9]+}}: error: no type named 'promise_type' in 'no_promise'

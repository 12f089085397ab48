// Macros that expand to co_await, co_yield, whole locked sections and the
// coroutine itself, under all corolock checks: findings are reported where
// the macro is used; nothing crashes on locations inside macro expansions.
// RUN: %corolock --checks='-*,corolock-*' %s -- %std_cxx20 %mocks 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='error:'

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

#define AWAIT(x) co_await(x)
#define YIELD(x) co_yield(x)
#define LOCKED(m) std::lock_guard<std::mutex> guard_##m(m)
#define CRITICAL(m, body)                                                      \
  {                                                                            \
    LOCKED(m);                                                                 \
    body;                                                                      \
  }
#define COROUTINE(name) task<void> name()
#define TWICE(x) x; x
#define ASYNC_SCOPED(m) co_await m.co_scoped_lock()
#define EMPTY

std::mutex mu;
folly::coro::Mutex amu;
// CHECK: :[[@LINE-1]]:20: warning: async mutex 'amu' is never held across a suspension point
// CHECK: :[[@LINE+27]]:8: note: async mutex 'amu' locked here and released without suspending

COROUTINE(all_through_macros) {
  LOCKED(mu);
  AWAIT(send(1));
  // CHECK: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'guard_mu' across 'co_await'
  YIELD(1);
  // CHECK: :[[@LINE-1]]:3: note: sync mutex 'mu' is also held by 'guard_mu' across this 'co_yield'
}

COROUTINE(section_in_macro) {
  CRITICAL(mu, AWAIT(send(2)));
  // CHECK: :[[@LINE-1]]:16: warning: sync mutex 'mu' is held by 'guard_mu' across 'co_await'
  CRITICAL(mu, compute(1));
  AWAIT(send(3));
}

COROUTINE(repeated) {
  LOCKED(mu);
  // Both expansions have the argument's location: one finding, with its
  // note at the same place.
  TWICE(AWAIT(send(4)));
  // CHECK: :[[@LINE-1]]:9: warning: sync mutex 'mu' is held by 'guard_mu' across 'co_await'
  // CHECK: :[[@LINE-2]]:9: note: sync mutex 'mu' is also held by 'guard_mu' across this 'co_await'
}

COROUTINE(async_through_macro) {
  auto lk = ASYNC_SCOPED(amu);
  compute(2) EMPTY;
}

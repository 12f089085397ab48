// Code that does not compile does not crash the check: clang-tidy exits with
// the compiler errors (`not` fails on a crash), coroutines whose bodies are
// invalid are skipped, and a valid coroutine in the same file is still
// reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks
// RUN: not %tidy --checks=-*,corolock-sync-lock-across-suspend %s -- %std_cxx20 %mocks 2>&1 | FileCheck %s --check-prefix=EXIT
// EXIT-DAG: Error while processing {{.*}}compile-errors.cpp.
// EXIT-DAG: compile-errors.cpp:{{[0-9]+}}:12: error: use of undeclared identifier 'no_such_function'

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
struct not_awaitable {};

task<void> undeclared_callee() {
  std::lock_guard<std::mutex> lk(mu);
  co_await no_such_function(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: error: use of undeclared identifier 'no_such_function' [clang-diagnostic-error]
  co_await not_awaitable{};
  // CHECK-MESSAGES: :[[@LINE-1]]:12: error: no member named 'await_ready' in 'not_awaitable' [clang-diagnostic-error]
  co_await send(1);
}

task<void> undeclared_mutex() {
  std::unique_lock<std::mutex> lk(no_such_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: error: unknown type name 'no_such_mutex' [clang-diagnostic-error]
  co_await send(1);
}

task<void> valid() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

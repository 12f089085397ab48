// Code that does not compile does not crash the check: clang-tidy exits with
// the compiler errors, coroutines with statements that did not compile are
// skipped (what they do is not known), and a valid coroutine in the same file
// is still reported.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks
// RUN: not %tidy --checks=-*,corolock-read-release-write %s -- %std_cxx20 %mocks 2>&1 | FileCheck %s --check-prefix=EXIT
// EXIT: Error while processing {{.*}}compile-errors.cpp.

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int value;

task<void> undeclared_write() {
  int v;
  {
    std::lock_guard<std::mutex> lk(mu);
    v = value;
  }
  co_await send(v);
  std::lock_guard<std::mutex> lk(mu);
  no_such_value = v + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'no_such_value' [clang-diagnostic-error]
  value = no_such_function(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: use of undeclared identifier 'no_such_function' [clang-diagnostic-error]
}

template <typename T> task<void> dependent(T &slot) {
  T v;
  {
    std::lock_guard<std::mutex> lk(mu);
    v = slot.missing_member;
  }
  co_await send(1);
  std::lock_guard<std::mutex> lk(mu);
  slot = v;
}

task<void> valid() {
  int v;
  {
    std::lock_guard<std::mutex> lk(mu);
    v = value;
  }
  co_await send(v);
  std::lock_guard<std::mutex> lk(mu);
  value = v + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'value' is written under 'mu' based on 'value'{{.*}} [corolock-read-release-write]
}

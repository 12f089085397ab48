// The standalone corolock binary runs the same check as the plugin, with the
// same message and notes, and enables it by default with the other corolock
// checks; a configuration that enables it alone runs it alone.
// RUN: %check_corolock --tool=standalone corolock-read-release-write %s -- %mocks
// RUN: %corolock %s -- %std_cxx20 %mocks 2>&1 | FileCheck %s --check-prefix=DEFAULT
// DEFAULT-DAG: standalone-tool.cpp:[[@LINE+21]]:3: warning: 'value' is written under 'mu' based on 'value'{{.*}} [corolock-read-release-write]
// DEFAULT-DAG: standalone-tool.cpp:[[@LINE+29]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await'{{.*}} [corolock-sync-lock-across-suspend]
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/standalone-tool.cpp
// RUN: printf 'Checks: "-*,corolock-read-release-write"\n' > %t/.clang-tidy
// RUN: %corolock %t/standalone-tool.cpp -- %std_cxx20 %mocks 2>&1 | FileCheck %s --check-prefix=ALONE --implicit-check-not='{{warning|error}}:'
// ALONE: standalone-tool.cpp:[[@LINE+16]]:3: warning: 'value' is written under 'mu'{{.*}} [corolock-read-release-write]

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int value;

task<void> stale() {
  int v;
  {
    std::lock_guard<std::mutex> lk(mu);
    v = value;
  }
  co_await send(v);
  std::lock_guard<std::mutex> lk(mu);
  value = v + 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'value' is written under 'mu' based on 'value' read before a 'co_await' that ran without 'mu' [corolock-read-release-write]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: another coroutine may have changed 'value' while this one was suspended: re-check it under 'mu' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
  // CHECK-NOTES: :[[@LINE-7]]:9: note: 'value' read here under 'mu'; the written value is computed from it
  // CHECK-NOTES: :[[@LINE-6]]:3: note: 'co_await' suspends without 'mu'; another coroutine may lock it and change 'value' here
}

task<void> held_across() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(value);
}

// co_yield suspends as co_await does: the consumer may run before the
// generator resumes, and change what the generator read.
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int next_id = 0;

task<void> ids() {
  for (;;) {
    int id;
    {
      std::lock_guard<std::mutex> lk(mu);
      id = next_id;
    }
    co_yield id;
    std::lock_guard<std::mutex> lk(mu);
    next_id = id + 1;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'next_id' is written under 'mu' based on 'next_id' read before a 'co_yield' that ran without 'mu' [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: another coroutine may have changed 'next_id' while this one was suspended: re-check it under 'mu' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-7]]:12: note: 'next_id' read here under 'mu'; the written value is computed from it
    // CHECK-NOTES: :[[@LINE-6]]:5: note: 'co_yield' suspends without 'mu'; another coroutine may lock it and change 'next_id' here
  }
}

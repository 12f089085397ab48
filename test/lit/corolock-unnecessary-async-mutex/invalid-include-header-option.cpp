// An IncludeHeaderMutexes value that is not a bool gets clang-tidy's own
// invalid-value warning, and the option keeps its default (false): the
// header's mutex is not judged, the one declared here still is.
// RUN: %check_corolock --config="{CheckOptions: {corolock-unnecessary-async-mutex.IncludeHeaderMutexes: 'maybe'}}" corolock-unnecessary-async-mutex %s -- %mocks
// CHECK-NOTES: warning: invalid configuration value 'maybe' for option 'corolock-unnecessary-async-mutex.IncludeHeaderMutexes'; expected a bool [clang-tidy-config]

#include "Inputs/shared_state.h"

cppcoro::async_mutex local_mu;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'local_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
// CHECK-NOTES: :[[@LINE+10]]:8: note: async mutex 'local_mu' locked here and released without suspending
int n;

task<void> use_header_mu() {
  auto lk = co_await header_mu.scoped_lock_async();
  n = 1;
  n = 2;
}

task<void> use_local_mu() {
  auto lk = co_await local_mu.scoped_lock_async();
  n = 3;
  n = 4;
}

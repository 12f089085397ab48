// A mutex declared in a header may be locked by other translation units, so
// by default it is not judged from this one: only 'local_mu', declared here,
// and Cache's private 'mu_', which only Cache::put (defined here) can lock,
// are reported. With IncludeHeaderMutexes: true the header's other mutexes (a
// global, an extern defined here) are judged too: the warning is at the
// definition in this file ('extern_mu'), else at the first critical section
// in this file, with a note at the declaration in the header.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-unnecessary-async-mutex %s -- %mocks
// RUN: %check_corolock --check-suffix=INCLUDE --config="{CheckOptions: {corolock-unnecessary-async-mutex.IncludeHeaderMutexes: true}}" corolock-unnecessary-async-mutex %s -- %mocks

#include "Inputs/shared_state.h"

folly::coro::Mutex extern_mu;
// CHECK-NOTES-INCLUDE: :[[@LINE-1]]:20: warning: async mutex 'extern_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES-INCLUDE: :[[@LINE-2]]:20: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
// CHECK-NOTES-INCLUDE: :[[@LINE+20]]:22: note: async mutex 'extern_mu' locked here and released without suspending
cppcoro::async_mutex local_mu;
// CHECK-NOTES-DEFAULT: :[[@LINE-1]]:22: warning: async mutex 'local_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES-DEFAULT: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
// CHECK-NOTES-DEFAULT: :[[@LINE+35]]:8: note: async mutex 'local_mu' locked here and released without suspending
// CHECK-NOTES-INCLUDE: :[[@LINE-4]]:22: warning: async mutex 'local_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES-INCLUDE: :[[@LINE-5]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
// CHECK-NOTES-INCLUDE: :[[@LINE+32]]:8: note: async mutex 'local_mu' locked here and released without suspending
int n;

task<void> use_header_mu() {
  auto lk = co_await header_mu.scoped_lock_async();
  // CHECK-NOTES-INCLUDE: :[[@LINE-1]]:8: warning: async mutex 'header_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES-INCLUDE: :[[@LINE-2]]:8: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES-INCLUDE: {{.*}}Inputs{{[/\\]}}shared_state.h:8:29: note: 'header_mu' declared here
  n = 1;
  n = 2;
}

task<void> use_extern_mu() {
  co_await extern_mu.co_lock();
  n = 3;
  n = 4;
  extern_mu.unlock();
}

task<void> Cache::put(int v) {
  auto lk = co_await mu_.co_scoped_lock();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:8: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:8: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES-DEFAULT: {{.*}}Inputs{{[/\\]}}shared_state.h:16:22: note: 'mu_' declared here
  // CHECK-NOTES-INCLUDE: :[[@LINE-4]]:8: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES-INCLUDE: :[[@LINE-5]]:8: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES-INCLUDE: {{.*}}Inputs{{[/\\]}}shared_state.h:16:22: note: 'mu_' declared here
  value_ = v;
  n = v;
}

task<void> use_local_mu() {
  auto lk = co_await local_mu.scoped_lock_async();
  n = 5;
  n = 6;
}

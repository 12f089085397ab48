// A mutex declared in a header may be locked by other translation units, so
// by default it is not judged from this one: only 'local_mu', declared here,
// is reported. With IncludeHeaderMutexes: true the header's mutexes (a global,
// an extern defined here, a member) are judged too, and the note points into
// the header.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-unnecessary-async-mutex %s -- %mocks
// RUN: %check_corolock --check-suffix=INCLUDE --config="{CheckOptions: {corolock-unnecessary-async-mutex.IncludeHeaderMutexes: true}}" corolock-unnecessary-async-mutex %s -- %mocks

#include "Inputs/shared_state.h"

folly::coro::Mutex extern_mu;
cppcoro::async_mutex local_mu;
int n;

task<void> use_header_mu() {
  auto lk = co_await header_mu.scoped_lock_async();
  // CHECK-NOTES-INCLUDE: :[[@LINE-1]]:8: warning: async mutex 'header_mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES-INCLUDE: {{.*}}Inputs{{[/\\]}}shared_state.h:8:29: note: 'header_mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  n = 1;
  n = 2;
}

task<void> use_extern_mu() {
  co_await extern_mu.co_lock();
  // CHECK-NOTES-INCLUDE: :[[@LINE-1]]:22: warning: async mutex 'extern_mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES-INCLUDE: {{.*}}Inputs{{[/\\]}}shared_state.h:9:27: note: 'extern_mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  n = 3;
  n = 4;
  extern_mu.unlock();
}

task<void> Cache::put(int v) {
  auto lk = co_await mu_.co_scoped_lock();
  // CHECK-NOTES-INCLUDE: :[[@LINE-1]]:8: warning: async mutex 'mu_' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES-INCLUDE: {{.*}}Inputs{{[/\\]}}shared_state.h:16:22: note: 'mu_' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  value_ = v;
  n = v;
}

task<void> use_local_mu() {
  auto lk = co_await local_mu.scoped_lock_async();
  // CHECK-NOTES-INCLUDE: :[[@LINE-1]]:8: warning: async mutex 'local_mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES-INCLUDE: :[[@LINE-31]]:22: note: 'local_mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:8: warning: async mutex 'local_mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES-DEFAULT: :[[@LINE-33]]:22: note: 'local_mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  n = 5;
  n = 6;
}

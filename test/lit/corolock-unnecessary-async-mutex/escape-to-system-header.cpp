// A mutex passed to a function defined in a system header escapes, whatever
// that function's body shows: library bodies are not part of the analysis.
// Here the library keeps a pointer to the mutex to lock it later, maybe
// across a suspension point; 'mu' is not reported. The same function defined
// in the main file is analysed: 'local_mu', passed to a function that only
// reads through its parameter, is reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks -isystem %S/Inputs

#include <waitlib.h>
#include "task.h"

cppcoro::async_mutex mu, local_mu;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'local_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int ready;

task<void> signal() {
  auto lk = co_await mu.scoped_lock_async();
  ++ready;
}

void setup() { waitlib::watch(mu); }

bool is_watched(cppcoro::async_mutex &m) { return waitlib::watched == &m; }

task<void> bump() {
  auto lk = co_await local_mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'local_mu' locked here and released without suspending
  ++ready;
}

bool check() { return is_watched(local_mu); }

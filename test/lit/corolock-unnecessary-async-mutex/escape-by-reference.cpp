// A mutex passed by non-const reference or by pointer to a function escapes:
// the callee may lock it and suspend out of sight, so it is not reported. A
// const reference or const pointer cannot lock it: 'inspected' is reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex by_ref;
cppcoro::async_mutex by_ptr;
cppcoro::async_mutex inspected;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'inspected' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int n;

void register_mutex(cppcoro::async_mutex &m);
void register_ptr(cppcoro::async_mutex *m);
bool is_named(const cppcoro::async_mutex &m);
bool is_named_ptr(const cppcoro::async_mutex *m);

task<void> sections() {
  {
    auto lk = co_await by_ref.scoped_lock_async();
    ++n;
  }
  {
    auto lk = co_await by_ptr.scoped_lock_async();
    ++n;
  }
  {
    auto lk = co_await inspected.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'inspected' locked here and released without suspending
    ++n;
  }
}

void setup() {
  register_mutex(by_ref);
  register_ptr(&by_ptr);
  if (is_named(inspected) || is_named_ptr(&inspected))
    ++n;
}

// A pointer or reference to the mutex stored in a variable or a member locks
// it under another name, whose critical sections are not counted as the
// mutex's: here one suspends through the pointer. Such a mutex is not
// reported, and neither is a section through a reference parameter, whose
// mutex is the caller's. The control 'plain' is reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex by_pointer;
cppcoro::async_mutex by_reference;
cppcoro::async_mutex by_member;
cppcoro::async_mutex by_assignment;
cppcoro::async_mutex plain;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'plain' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
cppcoro::async_mutex *current;
int n;

struct Holder {
  explicit Holder(cppcoro::async_mutex &m) : m_(m) {}
  task<void> hold() {
    auto lk = co_await m_.scoped_lock_async();
    co_await send(n);
  }
  cppcoro::async_mutex &m_;
};

task<void> through_pointer() {
  cppcoro::async_mutex *p = &by_pointer;
  auto lk = co_await p->scoped_lock_async();
  co_await send(n);
}

task<void> through_reference() {
  cppcoro::async_mutex &r = by_reference;
  co_await r.lock_async();
  co_await send(n);
  r.unlock();
}

task<void> parameter(cppcoro::async_mutex &m) {
  auto lk = co_await m.scoped_lock_async();
  ++n;
}

task<void> direct() {
  { auto lk = co_await by_pointer.scoped_lock_async(); ++n; }
  { auto lk = co_await by_reference.scoped_lock_async(); ++n; }
  { auto lk = co_await by_member.scoped_lock_async(); ++n; }
  { auto lk = co_await by_assignment.scoped_lock_async(); ++n; }
  { auto lk = co_await plain.scoped_lock_async(); ++n; }
  // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'plain' locked here and released without suspending
  Holder h(by_member);
  co_await h.hold();
  current = &by_assignment;
  co_await current->lock_async();
  co_await send(n);
  current->unlock();
}

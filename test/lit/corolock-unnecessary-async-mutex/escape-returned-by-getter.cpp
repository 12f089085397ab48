// A mutex returned by non-const reference or pointer can be locked by every
// caller of the getter, under a name (`s.mutex()`) whose critical sections
// this check cannot attribute to the member: it escapes and is not reported.
// A getter returning a const reference hands out nothing that can lock it.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Session {
  folly::coro::Mutex by_ref_, by_ptr_, by_const_;
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: async mutex 'by_const_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:40: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  int state_ = 0;

public:
  folly::coro::Mutex &mutex() { return by_ref_; }
  folly::coro::Mutex *mutex_ptr() { return &by_ptr_; }
  const folly::coro::Mutex &inspect() const { return by_const_; }

  task<void> touch_ref() {
    auto lk = co_await by_ref_.co_scoped_lock();
    state_ = 1;
  }
  task<void> touch_ptr() {
    auto lk = co_await by_ptr_.co_scoped_lock();
    state_ = 2;
  }
  task<void> touch_const() {
    auto lk = co_await by_const_.co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'by_const_' locked here and released without suspending
    state_ = 3;
  }
};

// The getter's caller holds the lock across a suspension point, which the
// member's own critical sections above do not show.
task<void> flush(Session &s) {
  auto lk = co_await s.mutex().co_scoped_lock();
  co_await s.touch_const();
}

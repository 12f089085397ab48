// Clang thread-safety attributes identify user types: a class marked
// capability("mutex") is a sync mutex whose acquire_capability /
// release_capability methods lock and unlock it, whatever their names, and a
// scoped_lockable class is a guard. Both are reported while held across
// co_await, neither after the release.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "task.h"

class __attribute__((capability("mutex"))) SpinLock {
public:
  void Acquire() __attribute__((acquire_capability()));
  void Release() __attribute__((release_capability()));
};

class __attribute__((scoped_lockable)) SpinGuard {
public:
  explicit SpinGuard(SpinLock &l) __attribute__((acquire_capability(l)));
  ~SpinGuard() __attribute__((release_capability()));
};

SpinLock spin;

task<void> manual() {
  spin.Acquire();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'spin' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: sync mutex 'spin' locked here
  spin.Release();
  co_await send(2);
}

task<void> guarded() {
  SpinGuard g(spin);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'spin' is held by 'g' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:13: note: sync mutex 'spin' locked here
}

task<void> guard_scope_ended() {
  {
    SpinGuard g(spin);
    compute(1);
  }
  co_await send(1);
}

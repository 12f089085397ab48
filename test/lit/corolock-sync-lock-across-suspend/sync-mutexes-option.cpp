// The SyncMutexes option adds mutex types (regexes over qualified names) to
// the presets: a user mutex locked manually is not known by default, and is
// reported once listed. A standard guard over any type locks it by blocking,
// so it is reported in both configurations, and so are the presets.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --check-suffix=LISTED --config="{CheckOptions: {corolock-sync-lock-across-suspend.SyncMutexes: 'base::(Spin|Futex)Lock'}}" corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

namespace base {
struct SpinLock {
  void lock();
  void unlock();
};
} // namespace base

base::SpinLock spin;
std::mutex mu;

task<void> user_mutex() {
  spin.lock();
  co_await send(1);
  // CHECK-NOTES-LISTED: :[[@LINE-1]]:3: warning: sync mutex 'spin' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-LISTED: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-LISTED: :[[@LINE-4]]:8: note: sync mutex 'spin' locked here
  spin.unlock();
}

task<void> user_mutex_guard() {
  std::lock_guard<base::SpinLock> lk(spin);
  co_await send(1);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: sync mutex 'spin' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:35: note: sync mutex 'spin' locked here
  // CHECK-NOTES-LISTED: :[[@LINE-4]]:3: warning: sync mutex 'spin' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-LISTED: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-LISTED: :[[@LINE-7]]:35: note: sync mutex 'spin' locked here
}

task<void> preset_mutex() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  // CHECK-NOTES-LISTED: :[[@LINE-4]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-LISTED: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-LISTED: :[[@LINE-7]]:31: note: sync mutex 'mu' locked here
}

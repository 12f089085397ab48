// The SyncGuards option adds guard types to the presets: a user guard over
// std::mutex is not tracked by default, and is reported once listed. The
// guard preset still applies.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --check-suffix=LISTED --config="{CheckOptions: {corolock-sync-lock-across-suspend.SyncGuards: 'util::Locker'}}" corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

namespace util {
struct Locker {
  explicit Locker(std::mutex &m);
  ~Locker();
};
} // namespace util

std::mutex mu;

task<void> user_guard() {
  util::Locker guard(mu);
  co_await send(1);
  // CHECK-NOTES-LISTED: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'guard' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-LISTED: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-LISTED: :[[@LINE-4]]:16: note: sync mutex 'mu' locked here
}

task<void> preset_guard() {
  std::unique_lock<std::mutex> lk(mu);
  co_await send(1);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
  // CHECK-NOTES-LISTED: :[[@LINE-4]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-LISTED: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-LISTED: :[[@LINE-7]]:32: note: sync mutex 'mu' locked here
}

// The AsyncMutexes option adds async mutex types to the presets: by default a
// standard guard over an unknown mutex type is taken as sync and reported;
// once the type is listed as async, the guard follows it and is silent. A
// sync mutex is reported in both configurations.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --check-suffix=LISTED --config="{CheckOptions: {corolock-sync-lock-across-suspend.AsyncMutexes: 'my::AsyncMutex'}}" corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

namespace my {
struct AsyncMutex {
  void lock();
  bool try_lock();
  void unlock();
};
} // namespace my

my::AsyncMutex amu;
std::mutex mu;

task<void> user_async_mutex() {
  std::unique_lock<my::AsyncMutex> lk(amu);
  co_await send(1);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: sync mutex 'amu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:36: note: sync mutex 'amu' locked here
}

task<void> sync_mutex() {
  std::unique_lock<std::mutex> lk(mu);
  co_await send(1);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
  // CHECK-NOTES-LISTED: :[[@LINE-4]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-LISTED: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-LISTED: :[[@LINE-7]]:32: note: sync mutex 'mu' locked here
}

// The standalone corolock binary runs the same check as the plugin, with the
// same messages and notes, and reads the same options (here StrictMode).
// RUN: %check_corolock --tool=standalone corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --tool=standalone --check-suffix=STRICT --config="{CheckOptions: {corolock-sync-lock-across-suspend.StrictMode: true}}" corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-STRICT: :[[@LINE-7]]:31: note: sync mutex 'mu' locked here
}

task<void> unlocked() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  co_await send(1);
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:3: warning: guard 'lk' of sync mutex 'mu' is alive across 'co_await' without owning its lock [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: note: keeping lock guards out of suspensions is safer (C++ Core Guidelines CP.52): end its scope before suspending; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:32: note: guard 'lk' constructed here
}

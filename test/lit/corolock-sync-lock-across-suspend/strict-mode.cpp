// StrictMode also reports a guard that is alive across a suspension without
// owning its lock (after unlock(), or deferred), following C++ Core
// Guidelines CP.52; the note points at the guard's construction. By default
// such guards are not reported. Held locks are reported in both modes.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --check-suffix=STRICT --config="{CheckOptions: {corolock-sync-lock-across-suspend.StrictMode: true}}" corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> unlocked_guard() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  co_await send(1);
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:3: warning: guard 'lk' of sync mutex 'mu' is alive across 'co_await' without owning its lock [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: note: keeping lock guards out of suspensions is safer (C++ Core Guidelines CP.52): end its scope before suspending; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:32: note: guard 'lk' constructed here
  lk.lock();
  lk.unlock();
  co_yield 2;
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:3: note: guard 'lk' is also alive across this 'co_yield' without owning its lock
}

task<void> deferred_guard() {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  co_await send(1);
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:3: warning: guard 'lk' of sync mutex 'mu' is alive across 'co_await' without owning its lock [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: note: keeping lock guards out of suspensions is safer (C++ Core Guidelines CP.52): end its scope before suspending; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:32: note: guard 'lk' constructed here
}

task<void> held_guard() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-STRICT: :[[@LINE-7]]:31: note: sync mutex 'mu' locked here
}

task<void> scoped_guard() {
  {
    std::unique_lock<std::mutex> lk(mu);
    lk.unlock();
  }
  co_await send(1);
}

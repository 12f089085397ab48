// In a template, the branch an `if constexpr` discards in an instantiation
// is not analysed there: the lock is reported only from the instantiation
// whose branch keeps it across co_await.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

template <bool Locked> task<void> maybe_locked() {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  if constexpr (Locked)
    lk.lock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: sync mutex 'mu' locked here
}

template <bool Locked> task<void> never_locked() {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  if constexpr (Locked)
    lk.lock();
  co_await send(1);
}

template task<void> maybe_locked<true>();
template task<void> maybe_locked<false>();
template task<void> never_locked<false>();

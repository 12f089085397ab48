// A coroutine template is analysed per instantiation, but a finding at the
// same place is reported once, however many instantiations share it.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

template <typename T> task<void> store(T value) {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(static_cast<int>(value));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
}

template task<void> store<int>(int);
template task<void> store<long>(long);
template task<void> store<short>(short);

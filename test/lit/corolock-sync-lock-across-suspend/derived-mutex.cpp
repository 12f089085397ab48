// A class derived from a mutex is a mutex of the same kind: a std::mutex
// subclass is reported as sync, a folly::coro::Mutex subclass is async and
// silent.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

struct InstrumentedMutex : std::mutex {};
struct NamedAsyncMutex : folly::coro::Mutex {};

InstrumentedMutex imu;
NamedAsyncMutex amu;

task<void> sync_subclass() {
  std::lock_guard<InstrumentedMutex> lk(imu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'imu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:38: note: sync mutex 'imu' locked here
}

task<void> async_subclass() {
  co_await amu.co_lock();
  std::unique_lock<NamedAsyncMutex> lk(amu, std::adopt_lock);
  co_await send(1);
}

// A coroutine template over its mutex type is reported from the
// instantiation with a sync mutex (std::mutex) and silent for the one with an
// async mutex (folly::coro::Mutex), where std::unique_lock is an async guard.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

template <typename M> task<void> with_lock(M &m) {
  std::unique_lock<M> lk(m);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'm' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:23: note: sync mutex 'm' locked here
}

template task<void> with_lock(std::mutex &);
template task<void> with_lock(folly::coro::Mutex &);

template <typename M> task<void> async_only(M &m) {
  std::unique_lock<M> lk(m);
  co_await send(1);
}

template task<void> async_only(folly::coro::Mutex &);

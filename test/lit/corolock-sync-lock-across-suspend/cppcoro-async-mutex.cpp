// cppcoro::async_mutex and its async_mutex_lock guard are async: a scoped
// lock awaited from scoped_lock_async() may be held across co_await, and so
// may a lock_async() adopted by an async_mutex_lock or kept manually. A sync
// mutex held next to it is still reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "std_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
std::mutex smu;

task<void> scoped() {
  auto lk = co_await mu.scoped_lock_async();
  co_await send(1);
}

task<void> adopted() {
  co_await mu.lock_async();
  cppcoro::async_mutex_lock lk(mu, std::adopt_lock);
  co_await send(2);
}

task<void> manual() {
  co_await mu.lock_async();
  co_await send(3);
  mu.unlock();
}

task<void> next_to_sync_mutex() {
  auto lk = co_await mu.scoped_lock_async();
  std::lock_guard<std::mutex> slk(smu);
  co_await send(4);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'smu' is held by 'slk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'smu' locked here
}

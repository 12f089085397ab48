// std::unique_lock<folly::coro::Mutex> (and std::shared_lock over
// folly::coro::SharedMutex) is an async guard however it is spelled or
// obtained: from co_scoped_lock(), adopting a co_lock(), through a type alias
// or CTAD, assigned after default construction, moved into another guard,
// deferred then adopted, or passed to a coroutine by value. Held across
// co_await it is never reported, in StrictMode too. The same guard template
// over std::mutex is, as the control.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --config="{CheckOptions: {corolock-sync-lock-across-suspend.StrictMode: true}}" corolock-sync-lock-across-suspend %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

folly::coro::Mutex mu;
folly::coro::SharedMutex rw;
std::mutex smu;
using Lock = std::unique_lock<folly::coro::Mutex>;

task<void> scoped() {
  std::unique_lock<folly::coro::Mutex> lk = co_await mu.co_scoped_lock();
  co_await send(1);
}

task<void> deduced() {
  auto lk = co_await mu.co_scoped_lock();
  co_await send(2);
}

task<void> ctad() {
  co_await mu.co_lock();
  std::unique_lock lk(mu, std::adopt_lock);
  co_await send(3);
}

task<void> aliased() {
  Lock lk = co_await mu.co_scoped_lock();
  co_await send(4);
}

task<void> assigned() {
  std::unique_lock<folly::coro::Mutex> lk;
  lk = co_await mu.co_scoped_lock();
  co_await send(5);
}

task<void> moved() {
  auto first = co_await mu.co_scoped_lock();
  std::unique_lock<folly::coro::Mutex> second(std::move(first));
  co_await send(6);
}

task<void> deferred() {
  std::unique_lock<folly::coro::Mutex> lk(mu, std::defer_lock);
  co_await mu.co_lock();
  lk = std::unique_lock<folly::coro::Mutex>(mu, std::adopt_lock);
  co_await send(7);
}

task<void> by_value(std::unique_lock<folly::coro::Mutex> lk) {
  co_await send(8);
}

task<void> shared() {
  std::shared_lock<folly::coro::SharedMutex> rlk =
      co_await rw.co_scoped_lock_shared();
  co_await send(9);
  auto wlk = co_await rw.co_scoped_lock();
  co_await send(10);
}

task<void> sync_control() {
  std::unique_lock<std::mutex> lk(smu);
  co_await send(11);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'smu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'smu' locked here
}

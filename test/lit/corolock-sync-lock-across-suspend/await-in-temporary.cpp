// A co_await inside the initializer of a temporary object (a braced
// temporary, or an awaitable built from an awaited value) is a suspension
// point like any other: reported while a lock is held, not after unlock().
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct Packet {
  int payload;
  int size() const;
};

std::mutex mu;

task<void> held() {
  std::unique_lock<std::mutex> lk(mu);
  compute(Packet{co_await fetch(1)}.size());
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:18: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
  co_await sleep_for(co_await fetch(2));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
  // CHECK-NOTES: :[[@LINE-2]]:22: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
}

task<void> released() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  compute(Packet{co_await fetch(1)}.size());
}

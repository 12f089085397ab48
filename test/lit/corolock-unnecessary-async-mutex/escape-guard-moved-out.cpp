// A held lock that leaves the coroutine with its guard escapes: returned by
// co_return (moved or implicitly moved), or moved into a by-value or
// rvalue-reference parameter, its new owner may hold it across suspension
// points out of sight. None of those mutexes is reported. A guard moved into
// another local guard stays in sight: 'local' is reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex returned, implicit, by_value, by_rvalue, local;
// CHECK-NOTES: :[[@LINE-1]]:61: warning: async mutex 'local' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:61: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int n;

using Lock = std::unique_lock<folly::coro::Mutex>;

void keep(Lock lk);
void keep_ref(Lock &&lk);

task<Lock> lock_and_return() {
  auto lk = co_await returned.co_scoped_lock();
  ++n;
  co_return std::move(lk);
}

task<Lock> lock_and_return_implicitly() {
  Lock lk = co_await implicit.co_scoped_lock();
  ++n;
  co_return lk;
}

task<void> lock_and_keep() {
  auto lk = co_await by_value.co_scoped_lock();
  ++n;
  keep(std::move(lk));
}

task<void> lock_and_keep_ref() {
  auto lk = co_await by_rvalue.co_scoped_lock();
  ++n;
  keep_ref(std::move(lk));
}

task<void> lock_and_move_locally() {
  auto lk = co_await local.co_scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'local' locked here and released without suspending
  ++n;
  Lock other(std::move(lk));
  other.unlock();
  co_await send(n);
}

// cppcoro::async_mutex through scoped_lock_async() (an async_mutex_lock) and
// lock_async()/unlock().
// RUN: %check_corolock corolock-read-release-write %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

struct Quota {
  int used;
  int limit;
};

class Limiter {
public:
  task<bool> take_scoped() {
    {
      auto lk = co_await mu_.scoped_lock_async();
      if (quota_.used >= quota_.limit)
        co_return false;
    }
    co_await send(1);
    auto lk = co_await mu_.scoped_lock_async();
    quota_.used++;
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'quota_.used' is written under 'mu_' based on 'quota_.used' read before a 'co_await' that ran without 'mu_' [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: another coroutine may have changed 'quota_.used' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-8]]:18: note: 'quota_.used' read here under 'mu_'; whether the write happens depends on it
    // CHECK-NOTES: :[[@LINE-6]]:5: note: 'co_await' suspends without 'mu_'; another coroutine may lock it and change 'quota_.used' here
    co_return true;
  }

  task<bool> take_manual() {
    co_await mu_.lock_async();
    bool room = quota_.used < quota_.limit;
    mu_.unlock();
    if (!room)
      co_return false;
    co_await send(1);
    co_await mu_.lock_async();
    quota_.used++;
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'quota_.used' is written under 'mu_' based on 'quota_.used'{{.*}} [corolock-read-release-write]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: another coroutine may have changed 'quota_.used' while this one was suspended: re-check it under 'mu_' before writing, or serialize the whole operation with an async mutex held across it; see docs/checks/corolock-read-release-write.md
    // CHECK-NOTES: :[[@LINE-9]]:24: note: 'quota_.used' read here under 'mu_'; whether the write happens depends on it
    // CHECK-NOTES: :[[@LINE-6]]:5: note: 'co_await' suspends without 'mu_'{{.*}}
    mu_.unlock();
    co_return true;
  }

  // Fixed: checked again in the second critical section.
  task<bool> take_checked() {
    {
      auto lk = co_await mu_.scoped_lock_async();
      if (quota_.used >= quota_.limit)
        co_return false;
    }
    co_await send(1);
    auto lk = co_await mu_.scoped_lock_async();
    if (quota_.used >= quota_.limit)
      co_return false;
    quota_.used++;
    co_return true;
  }

private:
  cppcoro::async_mutex mu_;
  Quota quota_;
};

// Locks written through macros are orders where the macros expand.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

#define WITH_LOCK(m) auto lk_##m = co_await m.co_scoped_lock()
#define LOCK_BOTH(first, second)                                               \
  WITH_LOCK(first);                                                            \
  WITH_LOCK(second)

folly::coro::Mutex users, groups;

task<void> add_user() { LOCK_BOTH(users, groups); }
task<void> add_group() {
  WITH_LOCK(groups);
  WITH_LOCK(users);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: mutex 'users' is locked while 'groups' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
}

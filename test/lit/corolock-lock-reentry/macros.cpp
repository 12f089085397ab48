// Locks written through macros are found where the macro expands; the
// warning names the call as written.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

#define LOCKED(m) auto lk_##m = co_await m.co_scoped_lock()
#define CALL_UNDER_LOCK(m, call)                                               \
  do {                                                                         \
    auto lk = co_await m.co_scoped_lock();                                     \
    co_await call;                                                             \
  } while (0)

class Store {
public:
  task<void> put(int v) {
    LOCKED(mu_);
    value_ = v;
  }
  task<void> refresh() {
    LOCKED(mu_);
    co_await put(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Store::put' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  }
  task<void> via_macro() {
    CALL_UNDER_LOCK(mu_, put(2));
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'Store::put' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  }

private:
  folly::coro::Mutex mu_;
  int value_ = 0;
};

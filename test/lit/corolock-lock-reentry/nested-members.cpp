// A member of a member is one mutex through `this`: locked twice it is
// reported. A member call on the member object (`inner_.put()`) names its own
// `this`, which is not assumed to be the caller's path: not reported.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

struct Inner {
  folly::coro::Mutex mu;
  int n = 0;
  task<void> put() {
    auto lk = co_await mu.co_scoped_lock();
    ++n;
  }
};

class Outer {
public:
  task<void> twice() {
    auto lk = co_await inner_.mu.co_scoped_lock();
    auto again = co_await this->inner_.mu.co_scoped_lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: async mutex 'this->inner_.mu' is locked again while this coroutine holds it [corolock-lock-reentry]
  }
  task<void> different() {
    auto lk = co_await inner_.mu.co_scoped_lock();
    auto other = co_await other_.mu.co_scoped_lock();
  }
  task<void> through_member() {
    auto lk = co_await inner_.mu.co_scoped_lock();
    co_await inner_.put();
  }

private:
  Inner inner_;
  Inner other_;
};

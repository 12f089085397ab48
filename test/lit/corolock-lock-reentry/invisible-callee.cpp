// A callee whose body is not visible in the translation unit (declared only,
// or defined in a system header) is not followed: whether it locks is not
// known here.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Cache {
public:
  task<void> put(int v);
  void store(int v);
  task<void> refresh() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await put(1);
    store(2);
  }

private:
  folly::coro::Mutex mu_;
};

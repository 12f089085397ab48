// concurrencpp's async_lock: `co_await lock.lock(ex)` returns a
// scoped_async_lock; a lazy_result awaited under it that locks again waits
// forever.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "concurrencpp_async_lock.h"

using namespace concurrencpp;

class Ledger {
public:
  lazy_result<void> add(std::shared_ptr<executor> ex) {
    auto guard = co_await lock_.lock(ex);
    ++total_;
  }
  lazy_result<void> add_two(std::shared_ptr<executor> ex) {
    auto guard = co_await lock_.lock(ex);
    co_await add(ex);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Ledger::add' locks async mutex 'lock_', which this coroutine already holds here [corolock-lock-reentry]
  }
  lazy_result<void> probe(std::shared_ptr<executor> ex) {
    auto guard = co_await lock_.lock(ex);
    if (co_await lock_.try_lock())
      lock_.unlock();
  }

private:
  async_lock lock_;
  int total_ = 0;
};

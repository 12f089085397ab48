// A mutex of one object taken while another object's mutex of the same
// declaration is held (this->mu_ then other.mu_) is one mutex by
// declaration: no order between two mutexes, not reported. Whether
// transfer(a, b) and transfer(b, a) can run together is not known here.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Account {
public:
  task<void> transfer_to(Account &other, int n) {
    auto mine = co_await mu_.co_scoped_lock();
    auto theirs = co_await other.mu_.co_scoped_lock();
    balance_ -= n;
    other.balance_ += n;
  }

private:
  folly::coro::Mutex mu_;
  int balance_ = 0;
};

// The critical sections of one mutex are gathered however it is spelled at
// the acquisition: mu_, this->mu_, other->mu_, (*peer).mu_ all name the data
// member Conn::mu_, so the I/O section through a pointer and the short
// sections spelled differently are one mutex's.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"

using folly::coro::Task;

struct Conn {
  folly::coro::Mutex mu_;
  int n_ = 0;

  Task<void> slow(Conn *other) {
    auto lk = co_await other->mu_.co_scoped_lock();
    co_await folly::coro::sleep(std::chrono::milliseconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 3 critical sections on 'mu_' without I/O wait for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+3]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }
  Task<void> quick() {
    auto lk = co_await this->mu_.co_scoped_lock();
    ++n_;
  }
  Task<void> quick_peer(Conn *peer) {
    co_await (*peer).mu_.co_lock();
    ++peer->n_;
    (*peer).mu_.unlock();
  }
  Task<void> quick_plain() {
    co_await mu_.co_lock();
    --n_;
    mu_.unlock();
  }
};

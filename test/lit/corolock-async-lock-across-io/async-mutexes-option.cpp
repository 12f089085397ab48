// The shared AsyncMutexes option makes a user type an async mutex for this
// check too: by default my::AsyncMutex is no mutex at all and nothing is
// reported; once listed, its sections are critical sections and the one
// holding it across I/O is reported.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=LISTED --config="{CheckOptions: {corolock-async-lock-across-io.AsyncMutexes: 'my::AsyncMutex'}}" corolock-async-lock-across-io %s -- %mocks

#include "cppcoro_net.h"
#include "task.h"

namespace my {
class AsyncMutex {
public:
  struct LockOp {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  LockOp lock_async();
  void unlock();
};
} // namespace my

my::AsyncMutex mu;
cppcoro::net::socket &sock();
char buf[16];
int n = 0;

task<void> slow() {
  co_await mu.lock_async();
  co_await sock().recv(buf, 16);
  // CHECK-NOTES-LISTED: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::recv') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES-LISTED: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES-LISTED: :[[@LINE-4]]:15: note: async mutex 'mu' locked here
  // CHECK-NOTES-LISTED: :[[@LINE+5]]:15: note: a critical section on 'mu' without I/O, which waits behind it
  mu.unlock();
}

task<void> quick() {
  co_await mu.lock_async();
  ++n;
  mu.unlock();
}

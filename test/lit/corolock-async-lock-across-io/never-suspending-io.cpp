// Only suspension points can wait for I/O: an awaited I/O operation whose
// awaiter provably never suspends (constexpr await_ready() returning true),
// or whose awaiter type is listed in NonSuspendingAwaitables, is no
// suspension and not reported. The user's read_buffered is I/O through
// IoFunctions; it is reported until its awaiter is listed as never
// suspending.
// RUN: %check_corolock --check-suffix=IO --config="{CheckOptions: {corolock-async-lock-across-io.IoFunctions: 'net::Conn::(read_buffered|peek)'}}" corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=NEVER --config="{CheckOptions: {corolock-async-lock-across-io.IoFunctions: 'net::Conn::(read_buffered|peek)', corolock-async-lock-across-io.NonSuspendingAwaitables: 'net::BufferedRead'}}" corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

namespace net {
struct BufferedRead {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  int await_resume() noexcept;
};
struct Conn {
  BufferedRead read_buffered();
  ready_now peek();
};
} // namespace net

net::Conn conn;
folly::coro::Mutex mu;
int n = 0;

task<void> buffered() {
  auto lk = co_await mu.co_scoped_lock();
  n += co_await conn.read_buffered();
  // CHECK-NOTES-IO: :[[@LINE-1]]:8: warning: 'co_await' waits for I/O ('net::Conn::read_buffered') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES-IO: :[[@LINE-2]]:8: note: 2 critical sections on 'mu' without I/O wait for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES-IO: :[[@LINE-4]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES-IO: :[[@LINE+4]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> peek() {
  auto lk = co_await mu.co_scoped_lock();
  n += co_await conn.peek();
}

task<void> quick() {
  auto lk = co_await mu.co_scoped_lock();
  ++n;
}

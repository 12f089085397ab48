// BlockingFunctions extends the catalogue with regular expressions over
// qualified names, anchored; a class template's member matches with its
// template arguments left out or spelled out. Without the option these
// calls are not reported. A listed function that returns an awaitable, or
// whose result is awaited, is its awaitable form.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks
// RUN: %check_corolock --check-suffix=OPT --config="{CheckOptions: {corolock-blocking-wait-in-coroutine.BlockingFunctions: 'acme::Channel::receive_blocking; acme::Pool<.*>::borrow;acme::wait_.*'}}" corolock-blocking-wait-in-coroutine %s -- %mocks
// RUN: %check_corolock --check-suffix=BARE --config="{CheckOptions: {corolock-blocking-wait-in-coroutine.BlockingFunctions: 'acme::Pool::borrow'}}" corolock-blocking-wait-in-coroutine %s -- %mocks
// RUN: %check_corolock --check-suffix=OPT --tool=standalone --config="{CheckOptions: {corolock-blocking-wait-in-coroutine.BlockingFunctions: 'acme::Channel::receive_blocking; acme::Pool<.*>::borrow;acme::wait_.*'}}" corolock-blocking-wait-in-coroutine %s -- %mocks

#include "task.h"

namespace acme {
struct Channel {
  int receive_blocking();
  int receive_blocking_or_not();
};
template <typename T> struct Pool {
  T borrow();
};
void wait_all();
task<void> wait_async();
struct WaitOp {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
WaitOp wait_event();
} // namespace acme

task<int> use(acme::Channel &c, acme::Pool<int> &p) {
  int v = c.receive_blocking();
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:13: warning: 'acme::Channel::receive_blocking' blocks the coroutine's thread until it returns (it is listed in BlockingFunctions) [corolock-blocking-wait-in-coroutine]
  v += c.receive_blocking_or_not();
  v += p.borrow();
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:10: warning: 'acme::Pool::borrow' blocks
  // CHECK-MESSAGES-BARE: :[[@LINE-2]]:10: warning: 'acme::Pool::borrow' blocks
  acme::wait_all();
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: 'acme::wait_all' blocks
  co_await acme::wait_async();
  auto op = acme::wait_event();
  co_await op;
  co_return v;
}

// folly::coro::blockingWait, a function object that runs an awaitable to
// completion on the calling thread: in a coroutine it blocks the executor
// thread the awaited task may need. Named as written (blockingWait or
// blocking_wait), not as its call operator. Awaiting the task, or a Baton,
// suspends instead; in a plain function (main, a test) it is the bridge's
// purpose.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks

#include "folly_coro_blocking_wait.h"

folly::coro::Task<int> load(int key);

folly::coro::Task<int> sum(int a, int b) {
  int x = folly::coro::blockingWait(load(a));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'folly::coro::blockingWait' blocks the coroutine's thread until the awaited work completes [corolock-blocking-wait-in-coroutine]
  int y = folly::coro::blocking_wait(load(b));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'folly::coro::blocking_wait' blocks
  co_return x + y;
}

folly::coro::Task<int> awaited(folly::coro::Baton &baton, int a) {
  co_await baton;
  int x = co_await load(a);
  co_return x;
}

int main() { return folly::coro::blockingWait(sum(1, 2)); }

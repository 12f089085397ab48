// async_simple's syncAwait starts a Lazy and blocks the calling thread until
// it completes: in a coroutine it blocks the thread the Lazy may need, with
// or without an executor. Awaiting the Lazy suspends instead.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks

#include "async_simple_sync_await.h"

using async_simple::coro::Lazy;

Lazy<int> compute(int n);

Lazy<int> twice(int n, async_simple::Executor *ex) {
  int a = async_simple::coro::syncAwait(compute(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' blocks the coroutine's thread until the awaited work completes [corolock-blocking-wait-in-coroutine]
  int b = async_simple::coro::syncAwait(compute(n), ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' blocks
  co_return a + b;
}

Lazy<int> awaited(int n) {
  int a = co_await compute(n);
  co_return a + co_await compute(a);
}

int main() { return async_simple::coro::syncAwait(twice(1, nullptr)); }

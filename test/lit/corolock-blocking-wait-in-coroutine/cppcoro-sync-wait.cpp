// cppcoro::sync_wait runs an awaitable to completion on the calling thread:
// in a coroutine it blocks the thread the awaited task may need. Awaiting
// the task or an event suspends instead; in a plain function it is the
// bridge's purpose.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks

#include "cppcoro_sync_wait.h"

cppcoro::task<int> fetch_token();
cppcoro::task<int> fetch_body(int token);

cppcoro::task<int> handle() {
  int token = cppcoro::sync_wait(fetch_token());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'cppcoro::sync_wait' blocks the coroutine's thread until the awaited work completes [corolock-blocking-wait-in-coroutine]
  using cppcoro::sync_wait;
  int body = sync_wait(fetch_body(token));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'cppcoro::sync_wait' blocks
  co_return body;
}

cppcoro::task<int> awaited(cppcoro::single_consumer_event &ready) {
  co_await ready;
  int token = co_await fetch_token();
  co_return co_await fetch_body(token);
}

int main() { return cppcoro::sync_wait(handle()); }

// Every kind of coroutine is judged: a generator that co_yields, a member
// coroutine, a coroutine with only co_return; blocking calls in the operands
// of co_yield and co_return run in the coroutine too.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks

#include "cppcoro_sync_wait.h"
#include "task.h"

cppcoro::task<int> next_value();

task<void> generator() {
  for (int i = 0; i < 3; ++i)
    co_yield cppcoro::sync_wait(next_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'cppcoro::sync_wait' blocks the coroutine's thread until the awaited work completes [corolock-blocking-wait-in-coroutine]
}

struct Service {
  task<int> member() {
    co_return cppcoro::sync_wait(next_value());
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'cppcoro::sync_wait' blocks
  }
  static task<int> static_member() {
    int v = cppcoro::sync_wait(next_value());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'cppcoro::sync_wait' blocks
    co_await std::suspend_always{};
    co_return v;
  }
  // Not a coroutine: no co_await, co_yield or co_return.
  int plain() { return cppcoro::sync_wait(next_value()); }
};

// libcoro's coro::sync_wait runs a task to completion on the calling thread:
// in a coroutine it blocks the thread the task may need. Awaiting the task,
// an event or libcoro's condition variable (`co_await cv.wait(lk)`, the
// awaitable form) suspends instead.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s -- %mocks

#include "libcoro_sync_wait.h"

coro::task<int> make_task();

coro::task<int> outer() {
  auto value = coro::sync_wait(make_task());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'coro::sync_wait' blocks the coroutine's thread until the awaited work completes [corolock-blocking-wait-in-coroutine]
  co_return value;
}

coro::mutex m;
coro::condition_variable cv;
bool ready = false;

coro::task<int> awaited(coro::event &e) {
  co_await e;
  auto lk = co_await m.scoped_lock();
  co_await cv.wait(lk, [] { return ready; });
  co_await cv.wait(lk);
  co_return co_await make_task();
}

int main() { return coro::sync_wait(outer()); }

// A mutex handed to an awaitable escapes: 'co_await unlock_while(mu, ...)'
// and an awaiter constructed over the mutex may unlock and relock it while
// the coroutine is suspended. Neither mutex is reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
cppcoro::async_mutex awaited;
int ready;

task<void> unlock_while(cppcoro::async_mutex &m, int ms);

struct relock_after {
  relock_after(cppcoro::async_mutex &m, int ms);
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

task<void> wait_ready() {
  co_await mu.lock_async();
  while (!ready)
    co_await unlock_while(mu, 10);
  --ready;
  mu.unlock();
}

task<void> wait_awaiter() {
  auto lk = co_await awaited.scoped_lock_async();
  co_await relock_after(awaited, 10);
}

task<void> signal() {
  auto lk = co_await awaited.scoped_lock_async();
  ++ready;
}

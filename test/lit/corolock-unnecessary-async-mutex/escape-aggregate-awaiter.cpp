// An aggregate awaiter over the mutex (`co_await relock_after{mu, 10}`, or
// C++20's parenthesized `relock_after(mu, 10)`) may unlock and relock it
// while the coroutine is suspended, like a constructor taking it would: the
// mutex escapes and is not reported. An aggregate that only keeps a const
// pointer cannot lock it, so that mutex is still judged.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

struct relock_after {
  cppcoro::async_mutex &m;
  int ms;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

struct stats_view {
  const cppcoro::async_mutex *m;
  int samples;
};
void publish(stats_view);

cppcoro::async_mutex braced, parenthesized, viewed;
// CHECK-NOTES: :[[@LINE-1]]:45: warning: async mutex 'viewed' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:45: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int ready;

task<void> wait_braced() {
  auto lk = co_await braced.scoped_lock_async();
  ++ready;
  co_await relock_after{braced, 10};
}

task<void> signal_braced() {
  auto lk = co_await braced.scoped_lock_async();
  ++ready;
}

task<void> wait_parenthesized() {
  auto lk = co_await parenthesized.scoped_lock_async();
  co_await relock_after(parenthesized, 10);
}

task<void> signal_parenthesized() {
  auto lk = co_await parenthesized.scoped_lock_async();
  ++ready;
}

task<void> sample() {
  auto lk = co_await viewed.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'viewed' locked here and released without suspending
  ++ready;
}

void report() { publish(stats_view{&viewed, 3}); }

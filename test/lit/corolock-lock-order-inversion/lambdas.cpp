// A lambda called in place under a lock runs its locks then; a lambda only
// created (posted, stored) does not. A coroutine lambda's own orders count.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

std::mutex a, b, c, d;
template <typename F> void post(F f) { (void)f; }
void run(task<void> t);

void a_then_b_in_lambda() {
  std::lock_guard<std::mutex> g(a);
  [] { std::lock_guard<std::mutex> h(b); }();
}
void b_then_a() {
  std::lock_guard<std::mutex> g(b);
  std::lock_guard<std::mutex> h(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: mutex 'a' is locked while 'b' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
}

void c_posts_d() {
  std::lock_guard<std::mutex> g(c);
  post([] { std::lock_guard<std::mutex> h(d); });
}
void d_then_c() {
  std::lock_guard<std::mutex> g(d);
  std::lock_guard<std::mutex> h(c);
}

folly::coro::Mutex x, y;
void starts() {
  run([]() -> task<void> {
    auto lx = co_await x.co_scoped_lock();
    auto ly = co_await y.co_scoped_lock();
  }());
  run([]() -> task<void> {
    auto ly = co_await y.co_scoped_lock();
    auto lx = co_await x.co_scoped_lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: mutex 'x' is locked while 'y' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  }());
}

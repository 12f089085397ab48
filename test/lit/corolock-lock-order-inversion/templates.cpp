// A class template's orders count once per place, whatever its
// instantiations; a function template called under a lock is followed in its
// instantiation.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

template <typename T> class Pipe {
public:
  task<void> forward() {
    auto i = co_await in_.co_scoped_lock();
    auto o = co_await out_.co_scoped_lock();
  }
  task<void> backward() {
    auto o = co_await out_.co_scoped_lock();
    auto i = co_await in_.co_scoped_lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: mutex 'Pipe::in_' is locked while 'Pipe::out_' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  }

private:
  folly::coro::Mutex in_, out_;
  T last_{};
};

std::mutex ga, gb;
template <typename T> void locked_b(T v) {
  std::lock_guard<std::mutex> g(gb);
  (void)v;
}
void a_then_b() {
  std::lock_guard<std::mutex> g(ga);
  locked_b(1);
}
void b_then_a() {
  std::lock_guard<std::mutex> g(gb);
  std::lock_guard<std::mutex> h(ga);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: mutex 'ga' is locked while 'gb' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
}

task<void> use() {
  Pipe<int> p;
  Pipe<long> q;
  co_await p.forward();
  co_await q.backward();
}

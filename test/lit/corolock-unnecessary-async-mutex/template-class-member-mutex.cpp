// Each instantiation of a class template has its own member, declared by the
// same line of the template: Box<int>::mu_ and Box<short>::mu_ are judged as
// one mutex. One instantiation holds it across co_await, so it is not
// reported, although Box<int>'s section never suspends. In Counter<T>, no
// instantiation suspends: its mutex is reported once, with one section.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

template <typename T> struct Box {
  template <typename Awaitable> task<void> put(T v, Awaitable a) {
    auto lk = co_await mu_.co_scoped_lock();
    value_ = v;
    co_await a;
  }
  folly::coro::Mutex mu_;
  T value_{};
};

template <typename T> struct Counter {
  task<void> inc() {
    auto lk = co_await mu_.co_scoped_lock();
    ++count_;
  }
  folly::coro::Mutex mu_;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES: :[[@LINE-6]]:10: note: async mutex 'mu_' locked here and released without suspending
  T count_{};
};

task<void> use() {
  Box<int> a;
  Box<short> b;
  co_await a.put(1, ready_now{});
  co_await b.put(2, sleep_for(1));
  Counter<int> c;
  Counter<long> d;
  co_await c.inc();
  co_await d.inc();
}

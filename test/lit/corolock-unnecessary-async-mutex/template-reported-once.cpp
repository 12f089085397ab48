// A coroutine template instantiated for several types has one critical
// section per acquisition written in the source: it gets one note per
// location, and the explanation counts locations, not instantiations. The
// dependent template itself is not analyzed. Run through clang-tidy and the
// standalone tool.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks
// RUN: %check_corolock --tool=standalone corolock-unnecessary-async-mutex %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

folly::coro::Mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:20: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:20: note: its 2 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
// CHECK-NOTES: :[[@LINE+5]]:8: note: async mutex 'mu' locked here and released without suspending
// CHECK-NOTES: :[[@LINE+11]]:17: note: async mutex 'mu' locked here and released without suspending
long total;

template <typename T> task<void> accumulate(T value) {
  auto lk = co_await mu.co_scoped_lock();
  total += static_cast<long>(value);
  total *= 2;
}

template <typename T> struct Sink {
  task<void> put(T value) {
    co_await mu.co_lock();
    total -= static_cast<long>(value);
    mu.unlock();
    co_await send(1);
  }
};

task<void> use() {
  co_await accumulate(1);
  co_await accumulate(2.0);
  co_await accumulate('c');
  co_await Sink<int>().put(1);
  co_await Sink<short>().put(2);
}

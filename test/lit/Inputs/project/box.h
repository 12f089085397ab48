// Class templates whose async mutex is locked in two files through
// different specializations, and a global async mutex locked in a coroutine
// lambda (issue 12: each is one mutex, in every file).
#pragma once
#include "folly_coro_mutex.h"
#include "task.h"

task<void> pauseAWhile();

// Held across a suspension point in box_writer.cpp only.
template <typename T> struct Box {
  folly::coro::Mutex mu;
  T value{};
  task<void> setSlowly(T v) {
    auto lock = co_await mu.co_scoped_lock();
    co_await pauseAWhile();
    value = v;
  }
  task<T> get() {
    auto lock = co_await mu.co_scoped_lock();
    co_return value;
  }
};

// Never held across a suspension point.
template <typename T> struct Tally {
  folly::coro::Mutex mu;
  T count{};
  task<void> add(T n) {
    auto lock = co_await mu.co_scoped_lock();
    count += n;
  }
};

// Held across a suspension point in a lambda of box_writer.cpp.
inline folly::coro::Mutex flagMu;
inline int flag = 0;

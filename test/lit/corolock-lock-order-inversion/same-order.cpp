// Mutexes always taken in one order cannot deadlock each other: nothing is
// reported, however many functions take them.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

folly::coro::Mutex a, b, c;
std::mutex s;

task<void> one() {
  auto la = co_await a.co_scoped_lock();
  auto lb = co_await b.co_scoped_lock();
  auto lc = co_await c.co_scoped_lock();
}

task<void> two() {
  auto la = co_await a.co_scoped_lock();
  auto lc = co_await c.co_scoped_lock();
  std::lock_guard<std::mutex> g(s);
}

task<void> three() {
  auto lb = co_await b.co_scoped_lock();
  auto lc = co_await c.co_scoped_lock();
}

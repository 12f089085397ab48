// The mutex is judged over the whole translation unit: its sections in
// 'Registry' never suspend, but a coroutine lambda in a free function, and a
// coroutine defined after them, hold it across co_await, so nothing is
// reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex registry_mu;
cppcoro::async_mutex lambda_mu;
int entries;

struct Registry {
  task<void> add() {
    auto lk = co_await registry_mu.scoped_lock_async();
    ++entries;
  }
  task<void> add_other() {
    auto lk = co_await lambda_mu.scoped_lock_async();
    ++entries;
  }
};

task<void> spawn() {
  auto flush = [](int n) -> task<void> {
    auto lk = co_await lambda_mu.scoped_lock_async();
    co_await send(n);
  };
  co_await flush(entries);
}

task<void> sync_to_disk() {
  auto lk = co_await registry_mu.scoped_lock_async();
  co_await send(entries);
}

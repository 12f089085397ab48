// I/O awaited after the mutex is released is outside the critical section:
// after the guard's scope ends, after guard.unlock(), after a manual
// unlock(), after the guard is moved into a call. Every section of the mutex
// is then short and nothing is reported (reset is short in any case, so
// counting any of that I/O in would be reported).
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "libcoro_mutex.h"
#include "libcoro_net.h"

coro::mutex mu;
coro::net::tcp::client *client;
char frame[64];
int pending = 0;

coro::task<void> scoped() {
  {
    auto lk = co_await mu.scoped_lock();
    ++pending;
  }
  co_await client->write_all(frame);
}

coro::task<void> unlocked_guard() {
  auto lk = co_await mu.scoped_lock();
  ++pending;
  lk.unlock();
  co_await client->write_all(frame);
}

coro::task<void> manual() {
  co_await mu.lock();
  --pending;
  mu.unlock();
  co_await client->poll(coro::poll_op::read);
}

void drop(coro::scoped_lock lk);

coro::task<void> moved_out() {
  auto lk = co_await mu.scoped_lock();
  drop(std::move(lk));
  co_await client->connect();
}

coro::task<void> reset() {
  auto lk = co_await mu.scoped_lock();
  pending = 0;
}

// libcoro's when_all and when_any await their arguments: a coro::mutex held
// across `co_await coro::when_all(client.read_some(...), ...)` waits for the
// read, as does one held across when_any of a write and a local task. A
// when_all of tasks without I/O is a short section.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "libcoro_net.h"

coro::mutex mu;
coro::net::tcp::client *client;
char inbox[512];
int replies = 0;

coro::task<void> tally(int n) {
  replies += n;
  co_return;
}

coro::task<void> gather() {
  auto lk = co_await mu.scoped_lock();
  co_await coro::when_all(tally(1), client->read_some(inbox));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('coro::net::tcp::client::read_some') while async mutex 'mu' is held [corolock-async-lock-across-io]
}

coro::task<void> first_of() {
  auto lk = co_await mu.scoped_lock();
  auto flush = client->write_all(inbox);
  co_await coro::when_any(tally(2), std::move(flush));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('coro::net::tcp::client::write_all') while async mutex 'mu' is held [corolock-async-lock-across-io]
}

coro::task<void> count_all() {
  auto lk = co_await mu.scoped_lock();
  co_await coro::when_all(tally(1), tally(2));
}

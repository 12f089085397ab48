#include "service.h"

task<void> relayWrite(cppcoro::net::socket &s, int n) {
  co_await s.send(&n, sizeof n);
}

int relayed;

task<int> relayCount() {
  auto lk = co_await relay_mu.scoped_lock_async();
  co_return relayed;
}

task<void> Relay::flush(cppcoro::net::socket &s) {
  auto lk = co_await mu_.scoped_lock_async();
  co_await relayWrite(s, pending_);
  pending_ = 0;
}

task<void> relayTally(cppcoro::async_mutex &m, int &n) {
  auto lk = co_await m.scoped_lock_async();
  ++n;
}

task<void> relaySend(cppcoro::async_mutex &m, cppcoro::net::socket &s) {
  auto lk = co_await m.scoped_lock_async();
  co_await s.send(&s, 1);
}

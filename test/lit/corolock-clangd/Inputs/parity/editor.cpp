#include "service.h"
// The file open in the editor.

std::mutex mu;
int n;

task<void> ready() {
  std::lock_guard<std::mutex> guard(mu);
  n = co_await ready_awaiter{};
}

task<void> parks() {
  std::lock_guard<std::mutex> guard(mu);
  co_await parking_awaiter{};
}

cppcoro::async_mutex wire_mu;

task<void> forward(cppcoro::net::socket &s) {
  auto lk = co_await wire_mu.scoped_lock_async();
  co_await upstreamWrite(s, n);
}

task<void> tally() {
  auto lk = co_await wire_mu.scoped_lock_async();
  ++n;
}

cppcoro::async_mutex relay_mu;

task<void> relay(cppcoro::net::socket &s) {
  auto lk = co_await relay_mu.scoped_lock_async();
  co_await relayWrite(s, n);
}

task<void> Presence::join() {
  auto lk = co_await mu_.scoped_lock_async();
  ++users_;
}

task<void> Relay::bump() {
  auto lk = co_await mu_.scoped_lock_async();
  ++pending_;
}

std::mutex cache_mu;
int cached;

task<void> refresh() {
  int seen;
  {
    std::lock_guard<std::mutex> g(cache_mu);
    seen = cached;
  }
  co_await parking_awaiter{};
  std::lock_guard<std::mutex> g(cache_mu);
  cached = seen + 1;
}

// Locked briefly here and in relayTally, which it is passed to.
cppcoro::async_mutex tally_mu;
int tallied;

task<void> tallyHere() {
  auto lk = co_await tally_mu.scoped_lock_async();
  ++tallied;
}

task<void> tallyElsewhere() { co_await relayTally(tally_mu, tallied); }

// Locked briefly here, and held across a socket write in relaySend.
cppcoro::async_mutex send_mu;
int sent;

task<void> countSent() {
  auto lk = co_await send_mu.scoped_lock_async();
  ++sent;
}

task<void> sendElsewhere(cppcoro::net::socket &s) {
  co_await relaySend(send_mu, s);
}

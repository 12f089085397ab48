#include "awaiters.h"
#include "cppcoro_async_mutex.h"
#include "folly_coro_sleep.h"
// clangd skips the bodies of these headers when it builds its preamble.

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

task<void> sleeps() {
  std::lock_guard<std::mutex> guard(mu);
  co_await folly::coro::sleep(std::chrono::milliseconds(1));
}

task<void> sends() {
  std::lock_guard<std::mutex> guard(mu);
  co_await send(n);
}

cppcoro::async_mutex upstream_mu;

task<void> forward(cppcoro::net::socket &s) {
  auto lk = co_await upstream_mu.scoped_lock_async();
  co_await upstreamWrite(s, n);
}

task<void> bump() {
  auto lk = co_await upstream_mu.scoped_lock_async();
  ++n;
}

task<void> Roster::clear() {
  auto lk = co_await mu_.scoped_lock_async();
  size_ = 0;
}

cppcoro::async_mutex other_mu;

task<void> locksAsync() {
  std::lock_guard<std::mutex> guard(mu);
  co_await other_mu.lock_async();
  other_mu.unlock();
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

task<void> refreshReady() {
  int seen;
  {
    std::lock_guard<std::mutex> g(cache_mu);
    seen = cached;
  }
  co_await ready_awaiter{};
  std::lock_guard<std::mutex> g(cache_mu);
  cached = seen + 1;
}

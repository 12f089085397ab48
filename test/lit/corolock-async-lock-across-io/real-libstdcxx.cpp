// Built against the real standard library (libstdc++'s <mutex>, <shared_mutex>,
// <coroutine>, <string>, <vector>, <map>, <chrono>, no mocks), with a minimal
// folly-style async mutex and asio-style I/O declared in async_prelude.h: the
// real headers' templates, dependent member initializers and guards must
// neither crash the check nor change what it reports.
// RUN: %check_corolock corolock-async-lock-across-io %s

#include "../Inputs/real-libstdcxx/async_prelude.h"

class Registry {
  folly::coro::SharedMutex mu_;
  std::map<std::string, std::vector<char>> entries_;
  std::vector<char> buffer_ = std::vector<char>(4096);

public:
  task<void> refresh(std::string key) {
    auto lk = co_await mu_.co_scoped_lock();
    auto n = co_await asio::async_read_some(buffer_);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'co_await' waits for I/O ('asio::async_read_some') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    entries_[key].assign(buffer_.begin(), buffer_.begin() + n);
  }

  task<std::size_t> size(const std::string &key) {
    auto lk = co_await mu_.co_scoped_lock_shared();
    auto it = entries_.find(key);
    co_return it == entries_.end() ? 0 : it->second.size();
  }

  // A reader sleeping under the lock makes no other reader wait.
  task<void> linger() {
    auto lk = co_await mu_.co_scoped_lock_shared();
    co_await asio::async_wait(std::chrono::milliseconds(5));
  }
};

// A std::mutex around the same shapes is the other check's business.
std::mutex sync_mu;
std::string last_key;

task<void> remember(std::string key) {
  {
    std::lock_guard<std::mutex> lk(sync_mu);
    last_key = key;
  }
  co_await asio::async_wait(std::chrono::milliseconds(1));
}

// Built against the real standard library (libstdc++'s <mutex>, <shared_mutex>,
// <coroutine>, <string>, <vector>, <map>, <chrono>, no mocks), with a minimal
// folly-style async mutex and asio-style I/O declared in async_prelude.h: the
// real headers' templates, dependent member initializers (which once crashed
// the escape search) and guards must neither crash the check nor change what it
// reports.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s

#include "../Inputs/real-libstdcxx/async_prelude.h"

class Registry {
  folly::coro::SharedMutex mu_;
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:28: note: its 2 critical sections in this translation unit never suspend while holding it: a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  std::map<std::string, std::vector<char>> entries_;

public:
  task<void> put(std::string key, std::vector<char> value) {
    auto lk = co_await mu_.co_scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'mu_' locked here and released without suspending
    entries_[std::move(key)] = std::move(value);
  }

  task<std::size_t> size(const std::string &key) {
    auto lk = co_await mu_.co_scoped_lock_shared();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'mu_' locked here and released without suspending
    auto it = entries_.find(key);
    co_return it == entries_.end() ? 0 : it->second.size();
  }
};

// Held across a read: needed.
class Stream {
  folly::coro::SharedMutex mu_;
  std::vector<char> buffer_ = std::vector<char>(4096);
  std::size_t filled_ = 0;

public:
  task<void> fill() {
    auto lk = co_await mu_.co_scoped_lock();
    filled_ = co_await asio::async_read_some(buffer_);
  }

  task<std::size_t> filled() {
    auto lk = co_await mu_.co_scoped_lock_shared();
    co_return filled_;
  }
};

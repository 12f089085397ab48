// Built against the real standard library (libstdc++'s <mutex>,
// <shared_mutex>, <coroutine>, <string>, <vector>, <map>, <chrono>, no
// mocks), with a minimal folly-style async mutex and asio-style I/O declared
// here: the real headers' templates, dependent member initializers (which
// once crashed the escape search) and guards must neither crash the check nor
// change what it reports.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s

#include <chrono>
#include <coroutine>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

template <typename T = void> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept;
};

template <> struct task<void> {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

namespace folly::coro {
class SharedMutex {
public:
  struct ScopedLock {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    std::unique_lock<SharedMutex> await_resume() noexcept;
  };
  struct ScopedSharedLock {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    std::shared_lock<SharedMutex> await_resume() noexcept;
  };
  ScopedLock co_scoped_lock() noexcept;
  ScopedSharedLock co_scoped_lock_shared() noexcept;
  void lock();
  void unlock();
  void lock_shared();
  void unlock_shared();
};
} // namespace folly::coro

namespace asio {
task<std::size_t> async_read_some(std::vector<char> &buffer);
task<void> async_wait(std::chrono::milliseconds delay);
} // namespace asio

class Registry {
  folly::coro::SharedMutex mu_;
  std::map<std::string, std::vector<char>> entries_;

public:
  task<void> put(std::string key, std::vector<char> value) {
    auto lk = co_await mu_.co_scoped_lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    entries_[std::move(key)] = std::move(value);
  }

  task<std::size_t> size(const std::string &key) {
    auto lk = co_await mu_.co_scoped_lock_shared();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::shared_mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
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

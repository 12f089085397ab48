// Built against the real standard library (libstdc++'s <mutex>,
// <shared_mutex>, <coroutine>, <string>, <vector>, <map>, <chrono>, no
// mocks), with a minimal folly-style async mutex and asio-style I/O declared
// here: the real headers' templates, dependent member initializers and
// guards must neither crash the check nor change what it reports.
// RUN: %check_corolock corolock-async-lock-across-io %s

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
  std::vector<char> buffer_ = std::vector<char>(4096);

public:
  task<void> refresh(std::string key) {
    auto lk = co_await mu_.co_scoped_lock();
    auto n = co_await asio::async_read_some(buffer_);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'co_await' waits for I/O ('asio::async_read_some') while async mutex 'mu_' is held; 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex [corolock-async-lock-across-io]
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

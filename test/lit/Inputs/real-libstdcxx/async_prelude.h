// For the fixtures built against the real standard library (no mocks on the
// include path): libstdc++'s headers, a task type, a minimal folly-style
// async shared mutex whose scoped locks are std::unique_lock and
// std::shared_lock, and asio-style I/O declarations.
#pragma once

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

// The shape of async_simple's coroutines for the benchmark inputs: Lazy,
// Try, collectAll, sleep, an executor, and the async Mutex and SharedMutex
// (whose unlocks of the shared mutex are awaited, as in async_simple). The
// names and signatures follow the library; the bodies are this file's own.
#pragma once

#include "bench_libs.h"

#include <chrono>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <type_traits>
#include <utility>
#include <vector>

namespace async_simple {

/// A value or the exception that replaced it.
template <typename T> class Try {
public:
  Try() = default;
  explicit Try(T value) : value_(std::move(value)) {}
  explicit Try(std::exception_ptr e) : error_(std::move(e)) {}
  bool hasError() const noexcept { return error_ != nullptr; }
  bool available() const noexcept { return value_ || error_; }
  T &value() {
    if (error_)
      std::rethrow_exception(error_);
    return *value_;
  }
  std::exception_ptr getException() const { return error_; }

private:
  std::optional<T> value_;
  std::exception_ptr error_;
};

template <> class Try<void> {
public:
  Try() = default;
  explicit Try(std::exception_ptr e) : error_(std::move(e)) {}
  bool hasError() const noexcept { return error_ != nullptr; }
  std::exception_ptr getException() const { return error_; }

private:
  std::exception_ptr error_;
};

class Executor {
public:
  using Func = std::function<void()>;
  virtual ~Executor() = default;
  virtual bool schedule(Func fn) = 0;
  virtual bool currentThreadInExecutor() const { return false; }
};

namespace coro {

template <typename T = void> using Lazy = bench::task<T>;

template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur);

/// Hands the coroutine back to its executor: a suspension, not a wait.
struct Yield {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const { h.resume(); }
  void await_resume() const noexcept {}
};

template <typename T>
Lazy<std::vector<Try<T>>> collectAll(std::vector<Lazy<T>> input) {
  std::vector<Try<T>> out;
  out.reserve(input.size());
  for (auto &lazy : input) {
    try {
      if constexpr (std::is_void_v<T>) {
        co_await lazy;
        out.emplace_back();
      } else {
        out.emplace_back(co_await lazy);
      }
    } catch (...) {
      out.emplace_back(std::current_exception());
    }
  }
  co_return out;
}

class Mutex {
public:
  class LockAwaiter {
  public:
    explicit LockAwaiter(Mutex &m) noexcept : mutex_(m) {}
    bool await_ready() noexcept { return mutex_.tryLock(); }
    bool await_suspend(std::coroutine_handle<> h) {
      return mutex_.q_.try_enqueue(mutex_.locked_, h);
    }
    void await_resume() noexcept {}

  protected:
    Mutex &mutex_;
  };
  class ScopedLockAwaiter : public LockAwaiter {
  public:
    using LockAwaiter::LockAwaiter;
    [[nodiscard]] std::unique_lock<Mutex> await_resume() noexcept {
      return std::unique_lock<Mutex>(mutex_, std::adopt_lock);
    }
  };

  Mutex() noexcept = default;
  Mutex(const Mutex &) = delete;
  bool tryLock() noexcept {
    bool expected = false;
    return flag_.compare_exchange_strong(expected, true);
  }
  [[nodiscard]] LockAwaiter coLock() noexcept { return LockAwaiter(*this); }
  [[nodiscard]] ScopedLockAwaiter coScopedLock() noexcept {
    return ScopedLockAwaiter(*this);
  }
  void lock() { // std::unique_lock<Mutex> requires it.
    while (!tryLock())
      std::this_thread::yield();
  }
  void unlock() noexcept {
    flag_.store(false);
    if (auto next = q_.release(locked_))
      next.resume();
  }

private:
  std::atomic<bool> flag_{false};
  bool locked_ = false;
  bench::detail::waiter_queue q_;
};

class SharedMutex {
public:
  struct LockAwaiter {
    SharedMutex &m;
    bool shared;
    bool await_ready() noexcept {
      return shared ? m.tryLockShared() : m.tryLock();
    }
    bool await_suspend(std::coroutine_handle<> h) {
      return m.q_.try_enqueue(m.locked_, h);
    }
    void await_resume() noexcept {}
  };

  SharedMutex() = default;
  SharedMutex(const SharedMutex &) = delete;
  bool tryLock() noexcept { return rw_.try_lock(); }
  bool tryLockShared() noexcept { return rw_.try_lock_shared(); }
  [[nodiscard]] LockAwaiter coLock() noexcept { return {*this, false}; }
  [[nodiscard]] LockAwaiter coLockShared() noexcept { return {*this, true}; }
  Lazy<void> unlock() noexcept {
    rw_.unlock();
    wakeOne();
    co_return;
  }
  Lazy<void> unlockShared() noexcept {
    rw_.unlock_shared();
    wakeOne();
    co_return;
  }

private:
  void wakeOne() {
    if (auto next = q_.release(locked_))
      next.resume();
  }

  std::shared_mutex rw_;
  bool locked_ = false;
  bench::detail::waiter_queue q_;
};

} // namespace coro
} // namespace async_simple

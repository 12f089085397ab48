// Minimal async_simple (alibaba/async_simple) coroutine locks for corolock
// fixtures, spelled as in async_simple:
//   auto lk = co_await m.coScopedLock();   // std::unique_lock<coro::Mutex>
//   co_await m.coLock(); ... m.unlock();
//   co_await sm.coLockShared(); ... co_await sm.unlockShared();
// SharedMutex's lock and unlock operations are Lazy<void>s (unlocking it is
// awaited), and ConditionVariable<Lock>::wait(lock, pred) releases the lock
// while it waits.
#pragma once
#include "std_coroutine.h"
#include "std_mutex.h"

namespace async_simple::coro {
template <typename T = void> class Lazy {
public:
  struct promise_type {
    Lazy get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};

template <> class Lazy<void> {
public:
  struct promise_type {
    Lazy get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

class Mutex {
private:
  class ScopedLockAwaiter;
  class LockAwaiter;

public:
  Mutex() noexcept {}
  Mutex(const Mutex &) = delete;
  bool tryLock() noexcept;
  [[nodiscard]] ScopedLockAwaiter coScopedLock() noexcept;
  [[nodiscard]] LockAwaiter coLock() noexcept;
  void unlock() noexcept;

private:
  class LockAwaiter {
  public:
    explicit LockAwaiter(Mutex &mutex) noexcept : _mutex(mutex) {}
    bool await_ready() noexcept { return _mutex.tryLock(); }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}

  protected:
    Mutex &_mutex;
  };

  class ScopedLockAwaiter : public LockAwaiter {
  public:
    using LockAwaiter::LockAwaiter;
    [[nodiscard]] std::unique_lock<Mutex> await_resume() noexcept {
      return std::unique_lock<Mutex>{_mutex, std::adopt_lock};
    }
  };
};

inline Mutex::ScopedLockAwaiter Mutex::coScopedLock() noexcept {
  return ScopedLockAwaiter(*this);
}
inline Mutex::LockAwaiter Mutex::coLock() noexcept {
  return LockAwaiter(*this);
}

class SpinLock {
public:
  explicit SpinLock(int count = 1024) noexcept;
  bool tryLock() noexcept;
  void lock() noexcept;
  Lazy<> coLock() noexcept;
  void unlock() noexcept;
};

template <typename Lock> class SharedMutexBase {
public:
  template <typename... Args> SharedMutexBase(Args &&...args);
  SharedMutexBase(const SharedMutexBase &) = delete;
  Lazy<> coLock() noexcept;
  bool tryLock() noexcept;
  Lazy<void> unlock() noexcept;
  Lazy<void> coLockShared();
  bool tryLockShared();
  Lazy<void> unlockShared();
};

struct SharedMutex : public SharedMutexBase<SpinLock> {
  SharedMutex(int count = 128) : SharedMutexBase<SpinLock>(count) {}
};

template <class Lock> class ConditionVariable {
public:
  ConditionVariable() noexcept {}
  ConditionVariable(const ConditionVariable &) = delete;
  void notify() noexcept;
  void notifyOne() noexcept;
  void notifyAll() noexcept;
  template <class Pred> Lazy<> wait(Lock &lock, Pred &&pred) noexcept {
    return {};
  }
};
} // namespace async_simple::coro

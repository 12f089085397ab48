// Minimal folly::coro::Mutex for corolock fixtures: an async mutex whose lock
// operations are awaited, and whose scoped lock is a std::unique_lock.
#pragma once
#include "std_coroutine.h"
#include "std_mutex.h"

namespace folly::coro {
class Mutex {
public:
  struct LockOperation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  struct ScopedLockOperation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    std::unique_lock<Mutex> await_resume() noexcept;
  };
  bool try_lock() noexcept;
  LockOperation co_lock() noexcept;
  ScopedLockOperation co_scoped_lock() noexcept;
  void unlock() noexcept;
};
} // namespace folly::coro

// Minimal folly::coro::Mutex and folly::coro::SharedMutex for corolock
// fixtures: async mutexes whose lock operations are awaited, and whose scoped
// locks are a std::unique_lock (exclusive) or std::shared_lock (shared).
// As in folly, SharedMutex is an alias of SharedMutexFair.
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

class SharedMutexFair {
public:
  struct LockAwaiter {
    bool await_ready() noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}
  };
  struct ScopedLockAwaiter : LockAwaiter {
    [[nodiscard]] std::unique_lock<SharedMutexFair> await_resume() noexcept;
  };
  struct LockSharedAwaiter {
    bool await_ready() noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}
  };
  struct ScopedLockSharedAwaiter : LockSharedAwaiter {
    [[nodiscard]] std::shared_lock<SharedMutexFair> await_resume() noexcept;
  };
  SharedMutexFair() noexcept = default;
  SharedMutexFair(const SharedMutexFair &) = delete;
  bool try_lock() noexcept;
  bool try_lock_shared() noexcept;
  [[nodiscard]] LockAwaiter co_lock() noexcept;
  [[nodiscard]] ScopedLockAwaiter co_scoped_lock() noexcept;
  [[nodiscard]] LockSharedAwaiter co_lock_shared() noexcept;
  [[nodiscard]] ScopedLockSharedAwaiter co_scoped_lock_shared() noexcept;
  void unlock() noexcept;
  void unlock_shared() noexcept;
};

// The default SharedMutex is SharedMutexFair.
using SharedMutex = SharedMutexFair;
} // namespace folly::coro

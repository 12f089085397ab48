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
  [[nodiscard]] LockAwaiter co_lock_upgrade() noexcept;
  void unlock() noexcept;
  void unlock_shared() noexcept;
  void unlock_upgrade() noexcept;
};

// The default SharedMutex is SharedMutexFair.
using SharedMutex = SharedMutexFair;

// Recent folly's shared guard, which mirrors std::shared_lock.
template <typename Mutex> class SharedLock {
public:
  SharedLock() noexcept;
  explicit SharedLock(Mutex &mutex, std::defer_lock_t) noexcept;
  explicit SharedLock(Mutex &mutex, std::adopt_lock_t) noexcept;
  explicit SharedLock(Mutex &mutex, std::try_to_lock_t);
  SharedLock(SharedLock &&other) noexcept;
  SharedLock(const SharedLock &) = delete;
  ~SharedLock();
  SharedLock &operator=(SharedLock &&other) noexcept;
  Mutex *mutex() const noexcept;
  Mutex *release() noexcept;
  bool owns_lock() const noexcept;
  explicit operator bool() const noexcept;
  bool try_lock();
  void unlock();
  void swap(SharedLock &other) noexcept;
};
} // namespace folly::coro

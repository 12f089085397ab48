// A stand-in for folly::coro::Mutex with the same shape: co_scoped_lock()
// suspends the awaiting coroutine instead of blocking its thread. The mutex's
// operations are declared, not defined; enough for the examples to compile.
#pragma once

#include <coroutine>
#include <mutex>

namespace folly::coro {

class Mutex {
public:
  bool try_lock();
  void unlock();

  // co_await mu.co_scoped_lock() yields a std::unique_lock<Mutex> that owns
  // the mutex; the coroutine is suspended, not blocked, while it waits.
  struct ScopedLockAwaiter {
    Mutex &mutex;
    bool await_ready() { return mutex.try_lock(); }
    bool await_suspend(std::coroutine_handle<> awaiter);
    std::unique_lock<Mutex> await_resume() {
      return std::unique_lock<Mutex>(mutex, std::adopt_lock);
    }
  };
  ScopedLockAwaiter co_scoped_lock() { return ScopedLockAwaiter{*this}; }
};

} // namespace folly::coro

// Minimal cppcoro::async_mutex for corolock fixtures.
#pragma once
#include "std_coroutine.h"
#include "std_mutex.h"

namespace cppcoro {
class async_mutex;

class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &mutex, std::adopt_lock_t) noexcept;
  async_mutex_lock(async_mutex_lock &&other) noexcept;
  ~async_mutex_lock();
};

class async_mutex {
public:
  struct lock_operation {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() const noexcept {}
  };
  struct scoped_lock_operation {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    async_mutex_lock await_resume() const noexcept;
  };
  bool try_lock() noexcept;
  lock_operation lock_async() noexcept;
  scoped_lock_operation scoped_lock_async() noexcept;
  void unlock();
};
} // namespace cppcoro

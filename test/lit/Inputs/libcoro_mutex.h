// Minimal libcoro (jbaldwin/libcoro) coro::mutex, coro::shared_mutex and
// coro::condition_variable for corolock fixtures, spelled as in libcoro:
//   auto lk = co_await m.scoped_lock();   // coro::scoped_lock, has unlock()
//   co_await m.lock(); ... m.unlock();
//   co_await sm.lock_shared(); ... co_await sm.unlock_shared();
// coro::shared_mutex is a template over its executor and its lock and unlock
// operations are coro::task<void>s (unlocking a shared_mutex is awaited).
#pragma once
#include "std_coroutine.h"
#include "std_mutex.h"

namespace coro {
class mutex;
class scoped_lock;
class condition_variable;

template <typename return_type = void> class task {
public:
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  return_type await_resume() const noexcept;
};

template <> class task<void> {
public:
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

namespace detail {
struct lock_operation_base {
  explicit lock_operation_base(coro::mutex &m) : m_mutex(m) {}
  auto await_ready() const noexcept -> bool { return false; }
  auto await_suspend(std::coroutine_handle<>) noexcept -> bool { return true; }

protected:
  coro::mutex &m_mutex;
};

template <typename return_type>
struct lock_operation : public lock_operation_base {
  explicit lock_operation(coro::mutex &m) : lock_operation_base(m) {}
  auto await_resume() noexcept -> return_type;
};
} // namespace detail

class scoped_lock {
  friend class coro::mutex;
  friend class coro::condition_variable;

public:
  enum class lock_strategy { adopt };
  explicit scoped_lock(class coro::mutex &m,
                       lock_strategy strategy = lock_strategy::adopt);
  ~scoped_lock();
  scoped_lock(const scoped_lock &) = delete;
  scoped_lock(scoped_lock &&other) noexcept;
  auto operator=(scoped_lock &&other) noexcept -> scoped_lock &;
  auto unlock() -> void;
};

class mutex {
public:
  explicit mutex() noexcept {}
  mutex(const mutex &) = delete;
  [[nodiscard]] auto scoped_lock() -> detail::lock_operation<coro::scoped_lock> {
    return detail::lock_operation<coro::scoped_lock>{*this};
  }
  [[nodiscard]] auto lock() -> detail::lock_operation<void> {
    return detail::lock_operation<void>{*this};
  }
  [[nodiscard]] auto try_lock() -> bool;
  auto unlock() -> void;
};

class thread_pool;

template <typename executor_type> class shared_mutex {
public:
  explicit shared_mutex(executor_type *e) {}
  shared_mutex(const shared_mutex &) = delete;
  [[nodiscard]] auto scoped_lock_shared(coro::task<void> scoped_task)
      -> coro::task<void>;
  [[nodiscard]] auto scoped_lock(coro::task<void> scoped_task)
      -> coro::task<void>;
  [[nodiscard]] auto lock_shared() -> coro::task<void>;
  [[nodiscard]] auto lock() -> coro::task<void>;
  [[nodiscard]] auto try_lock_shared() -> bool;
  [[nodiscard]] auto try_lock() -> bool;
  [[nodiscard]] auto unlock_shared() -> coro::task<void>;
  [[nodiscard]] auto unlock() -> coro::task<void>;
};

class condition_variable {
public:
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  auto notify_one() -> coro::task<void>;
  auto notify_all() -> coro::task<void>;
  [[nodiscard]] auto wait(coro::scoped_lock &lock) -> awaiter;
  template <typename predicate_type>
  [[nodiscard]] auto wait(coro::scoped_lock &lock, predicate_type predicate)
      -> awaiter {
    return {};
  }
};
} // namespace coro

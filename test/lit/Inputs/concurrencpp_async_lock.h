// Minimal concurrencpp async_lock for corolock fixtures, spelled as in
// concurrencpp: lock(executor) returns a lazy_result<scoped_async_lock>,
//   auto guard = co_await lock.lock(executor);   // released by ~guard
// and async_condition_variable::await(executor, guard[, pred]) releases the
// guard while it waits.
#pragma once
#include "std_coroutine.h"
#include "std_mutex.h"

#ifndef COROLOCK_MOCK_STD_SHARED_PTR
#define COROLOCK_MOCK_STD_SHARED_PTR
namespace std {
template <typename T> class shared_ptr {
public:
  shared_ptr() noexcept;
  shared_ptr(const shared_ptr &) noexcept;
  ~shared_ptr();
  T *get() const noexcept;
  T *operator->() const noexcept;
};
} // namespace std
#endif

namespace concurrencpp {
class executor {
public:
  virtual ~executor();
};
class thread_pool_executor : public executor {};

template <typename T> class lazy_result {
public:
  struct promise_type {
    lazy_result get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};

template <> class lazy_result<void> {
public:
  struct promise_type {
    lazy_result get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

class scoped_async_lock;

class async_lock {
  friend class scoped_async_lock;

public:
  ~async_lock() noexcept;
  lazy_result<scoped_async_lock> lock(std::shared_ptr<executor> resume_executor);
  lazy_result<bool> try_lock();
  void unlock();
};

class scoped_async_lock {
public:
  scoped_async_lock() noexcept = default;
  scoped_async_lock(scoped_async_lock &&rhs) noexcept;
  scoped_async_lock(async_lock &lock, std::defer_lock_t) noexcept;
  scoped_async_lock(async_lock &lock, std::adopt_lock_t) noexcept;
  ~scoped_async_lock() noexcept;

  lazy_result<void> lock(std::shared_ptr<executor> resume_executor);
  lazy_result<bool> try_lock();
  void unlock();

  bool owns_lock() const noexcept;
  explicit operator bool() const noexcept;
  void swap(scoped_async_lock &rhs) noexcept;
  async_lock *release() noexcept;
  async_lock *mutex() const noexcept;
};

class async_condition_variable {
public:
  lazy_result<void> await(std::shared_ptr<executor> resume_executor,
                          scoped_async_lock &lock);
  template <typename predicate_type>
  lazy_result<void> await(std::shared_ptr<executor> resume_executor,
                          scoped_async_lock &lock, predicate_type pred) {
    return {};
  }
  void notify_one();
  void notify_all();
};
} // namespace concurrencpp

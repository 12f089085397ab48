// Coroutines handed to a composition or an adaptor (`co_await when_all(f())`,
// `co_await f().via(ex)`) are awaited through code the check does not model:
// not followed, not reported. A plain function holding the lock is not a
// coroutine, and left alone.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

template <typename T> task<void> when_all(T t);

struct Wrapped {
  task<void> inner;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
Wrapped via(task<void> t);

class Cache {
public:
  task<void> put() {
    auto lk = co_await mu_.co_scoped_lock();
    ++n_;
  }
  task<void> composed() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await when_all(put());
    co_await via(put());
  }
  void store() { std::lock_guard<std::mutex> g(smu_); }
  void plain() {
    std::lock_guard<std::mutex> g(smu_);
    store();
  }

private:
  folly::coro::Mutex mu_;
  std::mutex smu_;
  int n_ = 0;
};

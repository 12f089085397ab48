// A lock taken by hand on a mutex of an object that is then handed to the
// awaited expression (libcoro's ring_buffer: `co_await m_mutex.lock();
// co_await produce_operation{*this, e};`, whose await_ready and
// await_suspend unlock `m_rb.m_mutex`): the awaitable may release it, so a
// later call that locks it again is no re-entry. An object that does not
// contain the mutex, a const one, or a guard (which unlocks at its scope's
// end whatever the awaitable does) hands nothing over.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "libcoro_mutex.h"

struct Buffer;

struct ProduceOperation {
  ProduceOperation(Buffer &buffer, int value);
  bool await_ready() noexcept;
  bool await_suspend(std::coroutine_handle<>) noexcept;
  int await_resume() noexcept;
};

struct Observe {
  explicit Observe(const Buffer &buffer);
  bool await_ready() noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept;
};

struct Other {
  int n = 0;
};

struct Wake {
  explicit Wake(Other &other);
  bool await_ready() noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() noexcept;
};

struct Buffer {
  coro::mutex m_mutex;
  Other other;

  coro::task<void> resume_consumers() {
    co_await m_mutex.lock();
    m_mutex.unlock();
  }

  coro::task<int> produce(int value) {
    co_await m_mutex.lock();
    int result = co_await ProduceOperation{*this, value};
    co_await resume_consumers();
    co_return result;
  }

  coro::task<void> observe() {
    co_await m_mutex.lock();
    co_await Observe{*this};
    co_await resume_consumers();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Buffer::resume_consumers' locks async mutex 'm_mutex', which this coroutine already holds here [corolock-lock-reentry]
    m_mutex.unlock();
  }

  coro::task<void> wake_other() {
    co_await m_mutex.lock();
    co_await Wake{other};
    co_await resume_consumers();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Buffer::resume_consumers' locks async mutex 'm_mutex', which this coroutine already holds here [corolock-lock-reentry]
    m_mutex.unlock();
  }

  coro::task<void> guarded(int value) {
    auto lk = co_await m_mutex.scoped_lock();
    co_await ProduceOperation{*this, value};
    co_await resume_consumers();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Buffer::resume_consumers' locks async mutex 'm_mutex', which this coroutine already holds here [corolock-lock-reentry]
  }
};

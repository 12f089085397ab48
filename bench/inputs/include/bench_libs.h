// The shapes of the coroutine libraries corolock knows (folly::coro,
// cppcoro, libcoro), written for the benchmarks against the real standard
// library: async mutexes with a waiter queue, their scoped locks, sockets and
// timers. The names and signatures follow the libraries; the bodies are this
// file's own, small but real, so that the inputs parse what real code parses.
#pragma once

#include "bench_task.h"
#include <chrono>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

namespace bench::detail {
/// A FIFO of suspended coroutines, guarded by a spin-free std::mutex.
class waiter_queue {
public:
  bool try_enqueue(bool &locked, std::coroutine_handle<> h) {
    std::lock_guard<std::mutex> lk(mu_);
    if (!locked) {
      locked = true;
      return false;
    }
    waiters_.push_back(h);
    return true;
  }
  std::coroutine_handle<> release(bool &locked) {
    std::lock_guard<std::mutex> lk(mu_);
    if (waiters_.empty()) {
      locked = false;
      return {};
    }
    auto next = waiters_.front();
    waiters_.pop_front();
    return next;
  }

private:
  std::mutex mu_;
  std::deque<std::coroutine_handle<>> waiters_;
};
} // namespace bench::detail

namespace folly::coro {
template <typename T = void> using Task = bench::task<T>;

class Mutex {
public:
  struct LockOperation {
    Mutex &m;
    bool await_ready() noexcept { return m.try_lock(); }
    bool await_suspend(std::coroutine_handle<> h) {
      return m.q_.try_enqueue(m.locked_, h);
    }
    void await_resume() noexcept {}
  };
  struct ScopedLockOperation : LockOperation {
    [[nodiscard]] std::unique_lock<Mutex> await_resume() noexcept {
      return std::unique_lock<Mutex>(this->m, std::adopt_lock);
    }
  };
  bool try_lock() noexcept {
    bool expected = false;
    return flag_.compare_exchange_strong(expected, true);
  }
  [[nodiscard]] LockOperation co_lock() noexcept { return {*this}; }
  [[nodiscard]] ScopedLockOperation co_scoped_lock() noexcept {
    return {{*this}};
  }
  void lock() { // std::unique_lock<Mutex> requires it; folly's asserts.
    while (!try_lock())
      std::this_thread::yield();
  }
  void unlock() noexcept {
    flag_.store(false);
    if (auto next = q_.release(locked_))
      next.resume();
  }

private:
  std::atomic<bool> flag_{false};
  bool locked_ = false;
  bench::detail::waiter_queue q_;
};

class SharedMutexFair {
public:
  struct LockAwaiter {
    SharedMutexFair &m;
    bool await_ready() noexcept { return m.try_lock(); }
    bool await_suspend(std::coroutine_handle<> h) {
      return m.q_.try_enqueue(m.locked_, h);
    }
    void await_resume() noexcept {}
  };
  struct ScopedLockAwaiter : LockAwaiter {
    [[nodiscard]] std::unique_lock<SharedMutexFair> await_resume() noexcept {
      return std::unique_lock<SharedMutexFair>(this->m, std::adopt_lock);
    }
  };
  struct ScopedLockSharedAwaiter : LockAwaiter {
    bool await_ready() noexcept { return this->m.try_lock_shared(); }
    [[nodiscard]] std::shared_lock<SharedMutexFair> await_resume() noexcept {
      return std::shared_lock<SharedMutexFair>(this->m, std::adopt_lock);
    }
  };
  bool try_lock() noexcept { return rw_.try_lock(); }
  bool try_lock_shared() noexcept { return rw_.try_lock_shared(); }
  void lock() { rw_.lock(); }
  void lock_shared() { rw_.lock_shared(); }
  [[nodiscard]] ScopedLockAwaiter co_scoped_lock() noexcept {
    return {{*this}};
  }
  [[nodiscard]] ScopedLockSharedAwaiter co_scoped_lock_shared() noexcept {
    return {{*this}};
  }
  void unlock() noexcept { rw_.unlock(); }
  void unlock_shared() noexcept { rw_.unlock_shared(); }

private:
  std::shared_mutex rw_;
  bool locked_ = false;
  bench::detail::waiter_queue q_;
};
using SharedMutex = SharedMutexFair;

Task<void> sleep(std::chrono::milliseconds d);

class Transport {
public:
  virtual ~Transport() = default;
  virtual Task<std::size_t> read(std::span<char> buf,
                                 std::chrono::milliseconds timeout) = 0;
  virtual Task<void> write(std::span<const char> buf) = 0;
  virtual void close() = 0;
};
} // namespace folly::coro

namespace cppcoro {
template <typename T = void> using task = bench::task<T>;

class async_mutex;
class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &m, std::adopt_lock_t) noexcept
      : m_(&m) {}
  async_mutex_lock(async_mutex_lock &&o) noexcept
      : m_(std::exchange(o.m_, nullptr)) {}
  async_mutex_lock(const async_mutex_lock &) = delete;
  ~async_mutex_lock();

private:
  async_mutex *m_;
};

class async_mutex {
public:
  struct lock_operation {
    async_mutex &m;
    bool await_ready() noexcept { return m.try_lock(); }
    bool await_suspend(std::coroutine_handle<> h) {
      return m.q_.try_enqueue(m.locked_, h);
    }
    void await_resume() noexcept {}
  };
  struct scoped_lock_operation : lock_operation {
    [[nodiscard]] async_mutex_lock await_resume() noexcept {
      return async_mutex_lock(this->m, std::adopt_lock);
    }
  };
  bool try_lock() noexcept {
    bool expected = false;
    return flag_.compare_exchange_strong(expected, true);
  }
  lock_operation lock_async() noexcept { return {*this}; }
  scoped_lock_operation scoped_lock_async() noexcept { return {{*this}}; }
  void unlock() {
    flag_.store(false);
    if (auto next = q_.release(locked_))
      next.resume();
  }

private:
  std::atomic<bool> flag_{false};
  bool locked_ = false;
  bench::detail::waiter_queue q_;
};
inline async_mutex_lock::~async_mutex_lock() {
  if (m_)
    m_->unlock();
}

class static_thread_pool : public bench::thread_pool {
public:
  using bench::thread_pool::thread_pool;
};

namespace net {
class ip_endpoint {
public:
  ip_endpoint(std::string host, std::uint16_t port)
      : host_(std::move(host)), port_(port) {}
  const std::string &host() const { return host_; }
  std::uint16_t port() const { return port_; }

private:
  std::string host_;
  std::uint16_t port_;
};

class socket {
public:
  static socket create_tcpv4();
  task<void> connect(const ip_endpoint &to);
  task<std::size_t> send(const void *buffer, std::size_t size);
  task<std::size_t> recv(void *buffer, std::size_t size);
  task<void> disconnect();
};
} // namespace net
} // namespace cppcoro

namespace coro {
template <typename T = void> using task = bench::task<T>;

class mutex;
class scoped_lock {
public:
  explicit scoped_lock(mutex &m) : m_(&m) {}
  scoped_lock(scoped_lock &&o) noexcept : m_(std::exchange(o.m_, nullptr)) {}
  ~scoped_lock() { unlock(); }
  void unlock();

private:
  mutex *m_;
};

class mutex {
public:
  struct lock_operation {
    mutex &m;
    bool await_ready() noexcept { return m.try_lock(); }
    bool await_suspend(std::coroutine_handle<> h) {
      return m.q_.try_enqueue(m.locked_, h);
    }
    scoped_lock await_resume() noexcept { return scoped_lock(m); }
  };
  [[nodiscard]] lock_operation lock() { return {*this}; }
  bool try_lock() {
    bool expected = false;
    return flag_.compare_exchange_strong(expected, true);
  }
  void unlock() {
    flag_.store(false);
    if (auto next = q_.release(locked_))
      next.resume();
  }

private:
  std::atomic<bool> flag_{false};
  bool locked_ = false;
  bench::detail::waiter_queue q_;
};
inline void scoped_lock::unlock() {
  if (m_)
    std::exchange(m_, nullptr)->unlock();
}

enum class poll_op { read, write, read_write };
enum class poll_status { event, timeout, error, closed };

class io_scheduler {
public:
  struct schedule_operation {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept { h.resume(); }
    void await_resume() noexcept {}
  };
  schedule_operation schedule() { return {}; }
  task<void> schedule_after(std::chrono::milliseconds amount);
  task<void> yield_for(std::chrono::milliseconds amount);
};

namespace net {
enum class recv_status { ok, closed, would_block };
enum class send_status { ok, closed, would_block };
namespace tcp {
class client {
public:
  client(std::shared_ptr<io_scheduler> scheduler, std::string host,
         std::uint16_t port);
  task<bool> connect(std::chrono::milliseconds timeout);
  task<poll_status> poll(poll_op op, std::chrono::milliseconds timeout);
  std::pair<recv_status, std::span<char>> recv(std::span<char> buffer);
  std::pair<send_status, std::span<const char>>
  send(std::span<const char> buffer);
};
} // namespace tcp
} // namespace net
} // namespace coro

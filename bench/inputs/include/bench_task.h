// A lazily started coroutine task, a generator and a thread pool, written
// against the real <coroutine> the way coroutine libraries write them
// (symmetric transfer, stored exception, continuation in the promise), so that
// the benchmark inputs instantiate what real code instantiates.
#pragma once

#include <atomic>
#include <condition_variable>
#include <coroutine>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace bench {

template <typename T> class task;

namespace detail {

struct final_awaiter {
  bool await_ready() const noexcept { return false; }
  template <typename Promise>
  std::coroutine_handle<>
  await_suspend(std::coroutine_handle<Promise> h) noexcept {
    if (auto next = h.promise().continuation)
      return next;
    return std::noop_coroutine();
  }
  void await_resume() noexcept {}
};

struct promise_base {
  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { error = std::current_exception(); }
  void rethrow_if_failed() const {
    if (error)
      std::rethrow_exception(error);
  }
};

template <typename T> struct promise : promise_base {
  std::optional<T> value;
  task<T> get_return_object() noexcept;
  template <typename U> void return_value(U &&v) {
    value.emplace(std::forward<U>(v));
  }
  T take() {
    rethrow_if_failed();
    return std::move(*value);
  }
};

template <> struct promise<void> : promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void take() { rethrow_if_failed(); }
};

} // namespace detail

template <typename T = void> class [[nodiscard]] task {
public:
  using promise_type = detail::promise<T>;
  using handle = std::coroutine_handle<promise_type>;

  explicit task(handle h) noexcept : h_(h) {}
  task(task &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  task &operator=(task &&o) noexcept {
    if (this != &o) {
      if (h_)
        h_.destroy();
      h_ = std::exchange(o.h_, {});
    }
    return *this;
  }
  task(const task &) = delete;
  ~task() {
    if (h_)
      h_.destroy();
  }

  bool await_ready() const noexcept { return !h_ || h_.done(); }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) noexcept {
    h_.promise().continuation = caller;
    return h_;
  }
  T await_resume() { return h_.promise().take(); }

  void start() { h_.resume(); }
  bool done() const noexcept { return h_.done(); }

private:
  handle h_;
};

namespace detail {
template <typename T> task<T> promise<T>::get_return_object() noexcept {
  return task<T>(std::coroutine_handle<promise<T>>::from_promise(*this));
}
inline task<void> promise<void>::get_return_object() noexcept {
  return task<void>(std::coroutine_handle<promise<void>>::from_promise(*this));
}
} // namespace detail

/// A synchronous generator: `for (auto x : numbers()) ...`.
template <typename T> class generator {
public:
  struct promise_type {
    const T *current = nullptr;
    generator get_return_object() {
      return generator(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const T &v) noexcept {
      current = std::addressof(v);
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };
  struct sentinel {};
  struct iterator {
    std::coroutine_handle<promise_type> h;
    iterator &operator++() {
      h.resume();
      return *this;
    }
    const T &operator*() const { return *h.promise().current; }
    bool operator==(sentinel) const { return h.done(); }
  };
  explicit generator(std::coroutine_handle<promise_type> h) : h_(h) {}
  generator(generator &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~generator() {
    if (h_)
      h_.destroy();
  }
  iterator begin() {
    h_.resume();
    return {h_};
  }
  sentinel end() { return {}; }

private:
  std::coroutine_handle<promise_type> h_;
};

/// A fixed-size thread pool; `co_await pool.schedule()` resumes on it.
class thread_pool {
public:
  explicit thread_pool(unsigned n = std::thread::hardware_concurrency()) {
    for (unsigned i = 0; i < n; ++i)
      workers_.emplace_back([this] { run(); });
  }
  ~thread_pool() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto &w : workers_)
      w.join();
  }

  struct schedule_operation {
    thread_pool *pool;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) { pool->post(h); }
    void await_resume() const noexcept {}
  };
  schedule_operation schedule() noexcept { return {this}; }

  void post(std::coroutine_handle<> h) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      queue_.push_back(h);
    }
    cv_.notify_one();
  }

private:
  void run() {
    for (;;) {
      std::coroutine_handle<> h;
      {
        std::unique_lock<std::mutex> lk(mu_);
        cv_.wait(lk, [this] { return stop_ || !queue_.empty(); });
        if (stop_ && queue_.empty())
          return;
        h = queue_.front();
        queue_.pop_front();
      }
      h.resume();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::coroutine_handle<>> queue_;
  std::vector<std::thread> workers_;
  bool stop_ = false;
};

/// Waits for every task in turn and collects their results.
template <typename T> task<std::vector<T>> when_all(std::vector<task<T>> tasks) {
  std::vector<T> results;
  results.reserve(tasks.size());
  for (auto &t : tasks)
    results.push_back(co_await t);
  co_return results;
}

} // namespace bench

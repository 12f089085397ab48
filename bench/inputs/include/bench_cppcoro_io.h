// More of cppcoro's shape for the benchmark inputs: the io_service's
// scheduling and timers, cancellation, and when_all over tasks. Kept apart
// from bench_libs.h so that the inputs written before it parse exactly what
// they parsed when their costs were first measured.
#pragma once

#include "bench_libs.h"

#include <memory>

namespace cppcoro {

class cancellation_token {
public:
  cancellation_token() = default;
  explicit cancellation_token(std::shared_ptr<std::atomic<bool>> flag)
      : flag_(std::move(flag)) {}
  bool is_cancellation_requested() const noexcept {
    return flag_ && flag_->load();
  }

private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

class cancellation_source {
public:
  cancellation_token token() const { return cancellation_token(flag_); }
  void request_cancellation() noexcept { flag_->store(true); }

private:
  std::shared_ptr<std::atomic<bool>> flag_ =
      std::make_shared<std::atomic<bool>>(false);
};

/// The event loop: schedule() moves the coroutine onto one of its threads,
/// schedule_after() is a timer.
class io_service {
public:
  struct schedule_operation {
    io_service &service;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) { service.post(h); }
    void await_resume() const noexcept {}
  };
  [[nodiscard]] schedule_operation schedule() noexcept { return {*this}; }
  task<void> schedule_after(std::chrono::nanoseconds delay,
                            cancellation_token ct = {});
  void post(std::coroutine_handle<> h) {
    std::lock_guard<std::mutex> lk(mu_);
    ready_.push_back(h);
  }
  std::size_t process_pending_events() {
    std::deque<std::coroutine_handle<>> batch;
    {
      std::lock_guard<std::mutex> lk(mu_);
      batch.swap(ready_);
    }
    for (auto h : batch)
      h.resume();
    return batch.size();
  }

private:
  std::mutex mu_;
  std::deque<std::coroutine_handle<>> ready_;
};

template <typename T>
task<std::vector<T>> when_all(std::vector<task<T>> tasks) {
  return bench::when_all(std::move(tasks));
}

inline task<void> when_all(std::vector<task<void>> tasks) {
  for (auto &t : tasks)
    co_await t;
}

} // namespace cppcoro

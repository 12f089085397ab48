// A coroutine that finds it has no executor runs inline on the thread that
// resumed it, with no other task of an executor to hold up; libraries fall
// back to blocking there (async_simple's coro::sleep sleeps with
// std::this_thread::sleep_for when `co_await CurrentExecutor{}` gives null).
// A blocking call in the branch taken without an executor is not reported;
// one in the branch taken with one, or after the if, is.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <thread>

namespace async_simple {
class Executor;
struct CurrentExecutor {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  Executor *await_resume() const noexcept;
};
} // namespace async_simple

task<void> after(async_simple::Executor *ex, std::chrono::milliseconds d);

task<void> sleep(std::chrono::milliseconds d) {
  auto ex = co_await async_simple::CurrentExecutor{};
  if (!ex) {
    std::this_thread::sleep_for(d);
    co_return;
  }
  co_await after(ex, d);
}

task<void> sleep_else(std::chrono::milliseconds d) {
  auto *ex = co_await async_simple::CurrentExecutor{};
  if (ex != nullptr)
    co_await after(ex, d);
  else
    std::this_thread::sleep_for(d);
  if (nullptr == ex)
    std::this_thread::sleep_for(d);
}

task<void> wrong_branch(std::chrono::milliseconds d) {
  auto ex = co_await async_simple::CurrentExecutor{};
  if (ex)
    std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks
  std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks
}

// Any other null test is no proof of running inline.
task<void> other_pointer(std::chrono::milliseconds d, int *p) {
  if (!p)
    std::this_thread::sleep_for(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks
  co_return;
}

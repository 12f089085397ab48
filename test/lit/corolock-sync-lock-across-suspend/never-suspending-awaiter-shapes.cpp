// Whether a co_await suspends is decided from the awaiter it actually uses,
// however its await_ready() is written: static constexpr in a class template,
// inherited from a base, reached through a member or free operator co_await,
// or produced by the promise's await_transform (Asio's `co_await
// asio::this_coro::executor`, folly's `co_await
// folly::coro::co_current_executor`). Each shape that never suspends is not
// reported while a sync mutex is held; the same shape with an awaiter that
// may suspend is.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_sleep.h"
#include "std_mutex.h"
#include "task.h"

namespace lib {
template <typename T> struct ready_value {
  T value;
  static constexpr bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() noexcept { return value; }
};
template <typename T> struct deferred_value {
  T value;
  static constexpr bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() noexcept { return value; }
};

struct always_ready_base {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
};
struct cached_result : always_ready_base {
  int await_resume() const noexcept { return 1; }
};
struct pending_base {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
};
struct pending_result : pending_base {
  int await_resume() const noexcept { return 1; }
};

// Awaitables whose operator co_await returns the awaiter.
struct memo {
  ready_value<int> operator co_await() const noexcept { return {1}; }
};
struct lookup {
  deferred_value<int> operator co_await() const noexcept { return {1}; }
};
struct snapshot {};
ready_value<int> operator co_await(snapshot) noexcept { return {1}; }
struct refresh {};
deferred_value<int> operator co_await(refresh) noexcept { return {1}; }
} // namespace lib

std::mutex mu;

task<void> static_constexpr_ready() {
  std::lock_guard<std::mutex> lk(mu);
  compute(co_await lib::ready_value<int>{1});
}

task<void> static_constexpr_not_ready() {
  std::lock_guard<std::mutex> lk(mu);
  compute(co_await lib::deferred_value<int>{1});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

task<void> inherited_ready() {
  std::lock_guard<std::mutex> lk(mu);
  compute(co_await lib::cached_result{});
}

task<void> inherited_not_ready() {
  std::lock_guard<std::mutex> lk(mu);
  compute(co_await lib::pending_result{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

task<void> member_operator_co_await() {
  std::lock_guard<std::mutex> lk(mu);
  compute(co_await lib::memo{});
  compute(co_await lib::lookup{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

task<void> free_operator_co_await() {
  std::lock_guard<std::mutex> lk(mu);
  compute(co_await lib::snapshot{});
  compute(co_await lib::refresh{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

asio::awaitable<void> asio_executor(asio::steady_timer &timer) {
  std::unique_lock<std::mutex> lk(mu);
  auto ex = co_await asio::this_coro::executor;
  co_await timer.async_wait(asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

folly::coro::Task<void> folly_current_executor() {
  std::lock_guard<std::mutex> lk(mu);
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  co_await folly::coro::sleep(folly::HighResDuration(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
}

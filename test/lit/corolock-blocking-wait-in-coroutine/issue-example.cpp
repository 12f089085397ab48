// The shape the check was written for: a session handler that blocks its
// executor thread three ways, with the whole explanation of each.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <condition_variable>
#include <future>

namespace cppcoro {
template <typename Awaitable>
auto sync_wait(Awaitable &&awaitable) -> decltype(awaitable.await_resume());
} // namespace cppcoro

struct TokenRefresher {
  std::future<std::string> current();
};
struct Client {
  task<std::string> fetch(const std::string &token);
};

class Session {
  TokenRefresher refresher_;
  Client client_;
  std::mutex mu_;
  std::condition_variable ready_cv_;
  bool ready_ = false;

public:
  task<std::string> handle() {
    auto token = refresher_.current().get();
    // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'std::future::get' blocks the coroutine's thread until another thread makes the future ready [corolock-blocking-wait-in-coroutine]
    // CHECK-NOTES: :[[@LINE-2]]:39: note: no other task on this executor thread runs until it returns, and if one of them is what it waits for, a single-threaded executor deadlocks; 'co_await' an awaitable result instead (a task, or a promise that resumes the coroutine when it is set); see docs/checks/corolock-blocking-wait-in-coroutine.md
    std::unique_lock lk(mu_);
    ready_cv_.wait(lk, [&] { return ready_; });
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'std::condition_variable::wait' blocks the coroutine's thread until another thread notifies the condition variable [corolock-blocking-wait-in-coroutine]
    // CHECK-NOTES: :[[@LINE-2]]:15: note: no other task on this executor thread runs until it returns, and if one of them is what it waits for, a single-threaded executor deadlocks; wait for an async event with 'co_await' instead (the coroutine library's async condition variable, event or baton); see docs/checks/corolock-blocking-wait-in-coroutine.md
    lk.unlock();
    auto body = cppcoro::sync_wait(client_.fetch(token));
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'cppcoro::sync_wait' blocks the coroutine's thread until the awaited work completes [corolock-blocking-wait-in-coroutine]
    // CHECK-NOTES: :[[@LINE-2]]:17: note: no other task on this executor thread runs until it returns, and if one of them is what it waits for, a single-threaded executor deadlocks; 'co_await' the awaitable instead of blocking on it; see docs/checks/corolock-blocking-wait-in-coroutine.md
    co_return body;
  }

  // The fix: await instead of blocking.
  task<std::string> handle_fixed(task<std::string> token) {
    auto t = co_await std::move(token);
    co_return co_await client_.fetch(t);
  }
};

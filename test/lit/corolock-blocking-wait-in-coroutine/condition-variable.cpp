// std::condition_variable and std::condition_variable_any waits in a
// coroutine, against libstdc++'s <condition_variable>: every wait form
// blocks the thread until another thread notifies; notifying does not, and
// a zero timeout polls.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <condition_variable>

using namespace std::chrono_literals;

class Session {
  std::mutex mu_;
  std::condition_variable ready_cv_;
  std::condition_variable_any any_cv_;
  bool ready_ = false;

public:
  task<void> handle() {
    std::unique_lock lk(mu_);
    ready_cv_.wait(lk, [&] { return ready_; });
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::condition_variable::wait' blocks the coroutine's thread until another thread notifies the condition variable [corolock-blocking-wait-in-coroutine]
    ready_cv_.wait(lk);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::condition_variable::wait' blocks
    ready_cv_.wait_for(lk, 50ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::condition_variable::wait_for' blocks
    ready_cv_.wait_until(lk, std::chrono::steady_clock::now() + 1s,
                         [&] { return ready_; });
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: 'std::condition_variable::wait_until' blocks
    any_cv_.wait(mu_);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::condition_variable_any::wait' blocks
    any_cv_.wait_for(lk, 2s, [&] { return ready_; });
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::condition_variable_any::wait_for' blocks
    co_return;
  }

  // Polls and notifications do not block.
  task<void> poll() {
    std::unique_lock lk(mu_);
    ready_cv_.wait_for(lk, 0ms);
    ready_cv_.wait_for(lk, 0s, [&] { return ready_; });
    any_cv_.wait_for(lk, std::chrono::seconds::zero());
    ready_ = true;
    ready_cv_.notify_all();
    any_cv_.notify_one();
    co_return;
  }

  // A plain member function may block: it runs on its own thread.
  void wait_ready() {
    std::unique_lock lk(mu_);
    ready_cv_.wait(lk, [&] { return ready_; });
  }
};

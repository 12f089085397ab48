// An await inside a critical section that can never suspend does not make
// the section suspend: std::suspend_never, or an awaiter whose await_ready()
// returns true (a value already computed, as a cache hit returns it).
// 'config_mu_' and 'ready_mu_' are reported. The same section awaiting
// something that may suspend is not ('peer_mu_').
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "task.h"

// An awaiter that already holds its value.
struct ready_value {
  int value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return value; }
};

// cppcoro style.
class Config {
  cppcoro::async_mutex config_mu_;
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: async mutex 'config_mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:24: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  int version_ = 0;

public:
  task<void> reload() {
    auto lk = co_await config_mu_.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'config_mu_' locked here and released without suspending
    co_await std::suspend_never{};
    ++version_;
    compute(version_);
  }
};

// folly::coro style.
class Cache {
  folly::coro::Mutex ready_mu_;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'ready_mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  folly::coro::Mutex peer_mu_;
  int version_ = 0;

public:
  task<int> cached() {
    co_await ready_mu_.co_lock();
    // CHECK-NOTES: :[[@LINE-1]]:24: note: async mutex 'ready_mu_' locked here and released without suspending
    int v = co_await ready_value{version_};
    ready_mu_.unlock();
    co_return v;
  }

  task<int> from_peer() {
    co_await peer_mu_.co_lock();
    int v = co_await fetch(version_);
    peer_mu_.unlock();
    co_return v;
  }

  task<int> from_peer_cached() {
    co_await peer_mu_.co_lock();
    int v = co_await ready_value{version_};
    peer_mu_.unlock();
    co_return v;
  }
};

// Awaiters and a coroutine defined in a header: clangd skips these bodies
// when it builds the preamble, the command line does not.
#pragma once
#include "cppcoro_async_mutex.h"
#include "cppcoro_net.h"
#include "std_coroutine.h"
#include "task.h"

// Never suspends, by its body (not a constant expression).
struct ready_awaiter {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 1; }
};

// Always suspends, by its body; no library preset knows it.
struct parking_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

// Writes to the network.
inline task<void> upstreamWrite(cppcoro::net::socket &s, int n) {
  co_await s.send(&n, sizeof n);
}

// A private async mutex; clear() is defined in editor.cpp.
class Roster {
public:
  task<void> add() {
    auto lk = co_await mu_.scoped_lock_async();
    ++size_;
  }
  task<void> clear();

private:
  cppcoro::async_mutex mu_;
  int size_ = 0;
};

// A service spread over three files and this header, whose bodies clangd
// skips when it builds its preamble (index-parity.test).
#pragma once
#include "cppcoro_async_mutex.h"
#include "cppcoro_net.h"
#include "std_coroutine.h"
#include "task.h"

// Never suspends, by its body.
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

// Writes to the network, defined here.
inline task<void> upstreamWrite(cppcoro::net::socket &s, int n) {
  co_await s.send(&n, sizeof n);
}

// Writes to the network, defined in relay.cpp.
task<void> relayWrite(cppcoro::net::socket &s, int n);

// Held across relayWrite in editor.cpp, briefly in relay.cpp.
extern cppcoro::async_mutex relay_mu;

// Locked briefly in editor.cpp and in other.cpp.
class Presence {
public:
  task<void> join();
  task<int> count();

private:
  cppcoro::async_mutex mu_;
  int users_ = 0;
};

// Locked briefly in editor.cpp, across a co_await in relay.cpp.
class Relay {
public:
  task<void> bump();
  task<void> flush(cppcoro::net::socket &s);

private:
  cppcoro::async_mutex mu_;
  int pending_ = 0;
};

// Defined in relay.cpp: locks the mutex it is given briefly; holds it across
// a socket write.
task<void> relayTally(cppcoro::async_mutex &m, int &n);
task<void> relaySend(cppcoro::async_mutex &m, cppcoro::net::socket &s);

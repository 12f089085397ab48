// std::this_thread::sleep_for and sleep_until in a coroutine, against
// libstdc++'s <thread>: they block the thread for the whole time; a zero or
// negative duration returns at once; awaiting a timer suspends instead.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <thread>

using namespace std::chrono_literals;

task<void> backoff(int attempt) {
  std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the coroutine's thread until the time has passed [corolock-blocking-wait-in-coroutine]
  std::this_thread::sleep_for(5ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks
  using namespace std::this_thread;
  sleep_for(1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks
  co_return;
}

task<void> no_sleep() {
  std::this_thread::sleep_for(0ms);
  std::this_thread::sleep_for(-1s);
  std::this_thread::sleep_for(0.0s);
  std::this_thread::yield();
  co_await asio::async_wait(std::chrono::milliseconds(5));
}

void throttle() { std::this_thread::sleep_for(1ms); }

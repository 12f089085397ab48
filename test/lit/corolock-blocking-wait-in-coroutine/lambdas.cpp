// Lambdas in a coroutine: a plain lambda may run elsewhere (another thread,
// a callback), so a blocking call in its body is not the coroutine's; but
// one the coroutine calls directly runs here, and a capture initializer is
// evaluated here. A coroutine lambda is a coroutine of its own.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <condition_variable>
#include <future>
#include <thread>

std::mutex mu;
std::condition_variable cv;
bool ready = false;

void post(std::function<void()> job);

task<void> handed_off(std::future<int> f) {
  post([&] {
    std::unique_lock lk(mu);
    cv.wait(lk, [] { return ready; });
  });
  std::thread t([f = std::move(f)]() mutable { f.get(); });
  t.detach();
  co_return;
}

task<int> called_here(std::future<int> &f) {
  int v = [&] { return f.get(); }();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: a lambda blocks the coroutine's thread: it calls 'std::future::get', which blocks until another thread makes the future ready [corolock-blocking-wait-in-coroutine]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: no other task
  // CHECK-NOTES: :[[@LINE-3]]:26: note: a lambda calls 'std::future::get' here
  auto wait_ready = [] {
    std::unique_lock lk(mu);
    cv.wait(lk, [] { return ready; });
  };
  wait_ready();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: a lambda blocks the coroutine's thread: it calls 'std::condition_variable::wait'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no other task
  // CHECK-NOTES: :[[@LINE-5]]:8: note: a lambda calls 'std::condition_variable::wait' here
  auto keep = [value = f.get()] { return value; };
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'std::future::get' blocks
  // CHECK-NOTES: :[[@LINE-2]]:26: note: no other task
  co_return v + keep();
}

auto coroutine_lambda = [](std::future<int> &f) -> task<int> {
  co_return f.get();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'std::future::get' blocks
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no other task
};

// A coroutine lambda inside a coroutine is judged on its own.
task<void> spawns(std::future<int> &f) {
  auto inner = [&]() -> task<void> {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks
    // CHECK-NOTES: :[[@LINE-2]]:5: note: no other task
    co_return;
  };
  co_await inner();
}

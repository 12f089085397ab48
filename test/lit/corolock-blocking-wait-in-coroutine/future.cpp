// std::future and std::shared_future in a coroutine, against libstdc++'s
// <future>: get() and the waits block until another thread makes the
// future ready (libstdc++ declares wait() in a base, __basic_future; the
// warning names the class it is called on). valid() and a zero wait_for
// poll.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <future>

using namespace std::chrono_literals;

struct Refresher {
  std::future<std::string> current();
  std::shared_future<int> version();
};

task<std::string> fetch(Refresher &refresher) {
  auto token = refresher.current().get();
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'std::future::get' blocks the coroutine's thread until another thread makes the future ready [corolock-blocking-wait-in-coroutine]
  std::shared_future<int> v = refresher.version();
  int n = v.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::shared_future::get' blocks
  auto next = refresher.current();
  next.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future::wait' blocks
  next.wait_for(100ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future::wait_for' blocks
  v.wait_until(std::chrono::system_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::shared_future::wait_until' blocks
  co_return token + std::to_string(n);
}

task<bool> ready(std::future<int> &f, std::shared_future<int> &s) {
  // Polling readiness does not block.
  bool done = f.valid() && f.wait_for(0s) == std::future_status::ready;
  done = done && s.wait_for(std::chrono::milliseconds(0)) ==
                     std::future_status::ready;
  co_return done;
}

// In a plain function get() blocks this function's own thread.
int wait_in_plain_function(std::future<int> f) { return f.get(); }

// std::promise's side never blocks.
task<void> fulfil(std::promise<int> &p) {
  p.set_value(1);
  co_return;
}

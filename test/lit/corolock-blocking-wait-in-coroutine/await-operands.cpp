// The awaited call itself is the awaitable form, but what its arguments
// compute runs before the co_await: a blocking call there blocks; a plain
// function returning the awaitable runs here too, and is searched.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <future>

task<void> send(int value);

task<void> wrapped(std::future<int> &f) { return send(f.get()); }

task<void> forwards(std::future<int> &f) {
  co_await send(f.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::future::get' blocks
  co_await wrapped(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'wrapped' blocks the coroutine's thread: it calls 'std::future::get'
  co_return;
}

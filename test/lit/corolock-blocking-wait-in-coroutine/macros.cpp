// Blocking calls written through macros: reported at the macro's use in the
// coroutine, with the expansion noted; a macro that only names the
// primitive does not hide the call.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <condition_variable>
#include <future>

#define WAIT_UNTIL(cv, lk, cond) (cv).wait((lk), [&] { return (cond); })
#define AWAIT_BLOCKING(f) (f).get()
#define THE_FUTURE pending

std::mutex mu;
std::condition_variable cv;
bool ready = false;

task<int> macro_waits(std::future<int> pending) {
  std::unique_lock lk(mu);
  WAIT_UNTIL(cv, lk, ready);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' blocks the coroutine's thread until another thread notifies the condition variable [corolock-blocking-wait-in-coroutine]
  lk.unlock();
  int v = AWAIT_BLOCKING(pending);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::future::get' blocks
  co_return v;
}

task<int> macro_object(std::future<int> pending) {
  co_return THE_FUTURE.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'std::future::get' blocks
}

// A macro in a plain function is not a coroutine's.
int plain(std::future<int> pending) { return AWAIT_BLOCKING(pending); }

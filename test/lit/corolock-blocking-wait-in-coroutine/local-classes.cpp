// A local class's member functions run when they are called: a blocking
// call in one is not the coroutine's until the coroutine calls it.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <future>

void later(void (*callback)(std::future<int> &));

task<int> local(std::future<int> &f) {
  struct Waiter {
    static void wait(std::future<int> &g) { g.wait(); }
    int take(std::future<int> &g) { return g.get(); }
  };
  later(&Waiter::wait);
  Waiter w;
  co_return w.take(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'local(std::future<int> &)::Waiter::take' blocks the coroutine's thread: it calls 'std::future::get'
}

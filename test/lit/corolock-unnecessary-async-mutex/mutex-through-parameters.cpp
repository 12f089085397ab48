// A mutex passed by reference to a coroutine defined in the translation unit
// (here the lambdas of a libcoro-style example) is judged with the critical
// sections the coroutine takes on its parameter: 'counter_mu' is never held
// across a suspension point in either lambda, so it is reported, with a note
// at both sections and at the arguments that bind the lambdas' parameter;
// 'event_mu' is held across 'co_await' in one of them and is not. A mutex
// passed on to a function this translation unit does not define escapes.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"
#include "task.h"

task<void> yield_now();
void remember(coro::mutex &m);

void run() {
  int counter = 0;
  coro::mutex counter_mu;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: async mutex 'counter_mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: its 2 critical sections in this translation unit never suspend while holding it, and each only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  auto bump = [](coro::mutex &m, int &n) -> task<void> {
    auto lk = co_await m.scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'counter_mu' locked here through parameter 'm' and released without suspending
    // CHECK-NOTES: :[[@LINE+11]]:8: note: 'counter_mu' is passed here to parameter 'm' of a lambda
    ++n;
  };
  auto reset = [](coro::mutex *m, int &n) -> task<void> {
    co_await yield_now();
    co_await m->lock();
    // CHECK-NOTES: :[[@LINE-1]]:17: note: async mutex 'counter_mu' locked here through parameter 'm' and released without suspending
    // CHECK-NOTES: :[[@LINE+5]]:9: note: '&counter_mu' is passed here to parameter 'm' of a lambda
    n = 0;
    m->unlock();
  };
  bump(counter_mu, counter);
  reset(&counter_mu, counter);

  coro::mutex event_mu;
  auto wait = [](coro::mutex &m) -> task<void> {
    auto lk = co_await m.scoped_lock();
    co_await yield_now();
  };
  auto quick = [](coro::mutex &m, int &n) -> task<void> {
    auto lk = co_await m.scoped_lock();
    ++n;
  };
  wait(event_mu);
  quick(event_mu, counter);

  coro::mutex leaked_mu;
  auto leak = [](coro::mutex &m, int &n) -> task<void> {
    auto lk = co_await m.scoped_lock();
    ++n;
    remember(m);
  };
  leak(leaked_mu, counter);
}

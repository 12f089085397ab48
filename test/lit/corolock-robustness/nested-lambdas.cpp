// Coroutine lambdas nested five deep, each locking and suspending, under all
// corolock checks: each lambda is a coroutine of its own, so each reports the
// lock it holds itself and none reports an enclosing lambda's lock (which the
// enclosing coroutine holds while it only creates the inner one).
// RUN: %corolock --checks='-*,corolock-*' %s -- %std_cxx20 %mocks 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='warning:' --implicit-check-not='error:'

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

std::mutex m1, m2, m3, m4, m5;
folly::coro::Mutex am;

task<void> outer() {
  std::lock_guard<std::mutex> g1(m1);
  auto l2 = [&]() -> task<void> {
    std::lock_guard<std::mutex> g2(m2);
    auto l3 = [&]() -> task<void> {
      std::unique_lock<std::mutex> g3(m3);
      auto l4 = [&](int depth) -> task<void> {
        std::lock_guard<std::mutex> g4(m4);
        auto l5 = [&, depth]() mutable -> task<void> {
          auto alk = co_await am.co_scoped_lock();
          auto l6 = [&]() -> task<void> {
            std::lock_guard<std::mutex> g5(m5);
            co_await send(depth);
            // CHECK-DAG: :[[@LINE-1]]:13: warning: sync mutex 'm5' is held by 'g5' across 'co_await'
          };
          co_await l6();
          // 'am' is held across this suspension, so it is needed as an async
          // mutex: nothing reported.
        };
        co_await l5();
        // CHECK-DAG: :[[@LINE-1]]:9: warning: sync mutex 'm4' is held by 'g4' across 'co_await'
      };
      g3.unlock();
      co_await l4(3);
    };
    co_await l3();
    // CHECK-DAG: :[[@LINE-1]]:5: warning: sync mutex 'm2' is held by 'g2' across 'co_await'
  };
  co_await l2();
  // CHECK-DAG: :[[@LINE-1]]:3: warning: sync mutex 'm1' is held by 'g1' across 'co_await'
}

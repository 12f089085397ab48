// A blocking call known to be harmless (a coroutine driven on a dedicated
// thread) is silenced per line with NOLINT or NOLINTNEXTLINE; the other
// calls are still reported.
// RUN: %check_corolock corolock-blocking-wait-in-coroutine %s

#include "../Inputs/real-libstdcxx/async_prelude.h"
#include <future>

task<int> dedicated(std::future<int> &a, std::future<int> &b,
                    std::future<int> &c) {
  int x = a.get(); // NOLINT(corolock-blocking-wait-in-coroutine)
  // NOLINTNEXTLINE(corolock-blocking-wait-in-coroutine)
  int y = b.get();
  int z = c.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks
  co_return x + y + z;
}

#include "pump.h"

task<void> nudge(folly::coro::Mutex &m, int &n) {
  auto lock = co_await m.co_scoped_lock();
  ++n;
}

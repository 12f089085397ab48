#include "gate.h"
#include "libcoro_net.h"

coro::net::tcp::client &upstream();

task<void> sendUnder(folly::coro::Mutex &m, int n) {
  auto lock = co_await m.co_scoped_lock();
  co_await upstream().write_all(n);
}

#include "presence.h"
#include "libcoro_net.h"

coro::net::tcp::client &upstream();

task<void> upstreamWrite(int n) {
  co_await upstream().write_all(n);
}

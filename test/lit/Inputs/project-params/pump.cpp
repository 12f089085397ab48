#include "pump.h"
#include "libcoro_net.h"

coro::net::tcp::client &downstream();

task<void> Pump::drain() {
  auto lock = co_await mu_.co_scoped_lock();
  co_await downstream().write_all(queued_);
  queued_ = 0;
}

task<void> Pump::poke() { co_await nudge(mu_, queued_); }

#include "presence.h"

task<void> Relay::flush() {
  auto lock = co_await mu_.co_scoped_lock();
  co_await upstreamWrite(pending_);
  pending_ = 0;
}

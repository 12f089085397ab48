#include "presence.h"

task<void> Relay::bump() {
  auto lock = co_await mu_.co_scoped_lock();
  ++pending_;
}

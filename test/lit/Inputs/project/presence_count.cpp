#include "presence.h"

task<int> Presence::count() {
  auto lock = co_await mu_.co_scoped_lock();
  co_return users_;
}

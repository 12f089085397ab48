#include "presence.h"

task<void> Presence::join(int user) {
  auto lock = co_await mu_.co_scoped_lock();
  users_ += user;
}

#include "service.h"

task<int> Presence::count() {
  auto lk = co_await mu_.scoped_lock_async();
  co_return users_;
}

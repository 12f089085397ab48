#include "gate.h"

task<void> Gate::bump() {
  auto lock = co_await mu_.co_scoped_lock();
  ++n_;
}

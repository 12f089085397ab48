#include "ledger.h"

task<void> Ledger::post() {
  auto lock = co_await mu_.co_scoped_lock();
  ++entries_;
}

task<void> Ledger::check() { co_await audit(mu_); }

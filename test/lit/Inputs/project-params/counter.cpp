#include "counter.h"

task<void> Counter::add(int k) {
  auto lock = co_await mu_.co_scoped_lock();
  n_ += k;
}

task<void> Counter::settle() { co_await tally(mu_, n_); }

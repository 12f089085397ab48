#include "box.h"

Box<int> counter;
Tally<int> hits;

task<int> readCounter() { co_return co_await counter.get(); }

task<void> hit() { co_await hits.add(1); }

task<void> raise() {
  auto lock = co_await flagMu.co_scoped_lock();
  flag = 1;
}

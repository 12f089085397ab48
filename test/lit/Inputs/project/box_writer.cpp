#include "box.h"

Box<long> total;
Box<int> counter2;
Tally<long> bytes;

task<long> readTotal() { co_return co_await total.get(); }

task<void> writeCounter(int v) { co_await counter2.setSlowly(v); }

task<void> count(long n) { co_await bytes.add(n); }

task<void> lower() {
  auto slowly = [&]() -> task<void> {
    auto lock = co_await flagMu.co_scoped_lock();
    co_await pauseAWhile();
    flag = 0;
  };
  co_await slowly();
}

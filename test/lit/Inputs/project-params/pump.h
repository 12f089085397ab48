// Pump::mu_ is held across a socket write in pump.cpp and passed to nudge,
// which locks it briefly in nudge.cpp: the short section waits behind the
// write.
#pragma once
#include "folly_coro_mutex.h"
#include "task.h"

class Pump {
  folly::coro::Mutex mu_;
  int queued_ = 0;

public:
  task<void> drain();
  task<void> poke();
};

task<void> nudge(folly::coro::Mutex &m, int &n);

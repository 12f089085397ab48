// Mutexes passed by reference to functions defined in other translation
// units (issue 12, summary format 3): Gate::mu_ is locked briefly in
// gate_bump.cpp, and passed by gate_flush.cpp to sendUnder, which holds it
// across a socket write in send_under.cpp.
#pragma once
#include "folly_coro_mutex.h"
#include "task.h"

class Gate {
  folly::coro::Mutex mu_;
  int n_ = 0;

public:
  task<void> bump();
  task<void> flush();
};

task<void> sendUnder(folly::coro::Mutex &m, int n);

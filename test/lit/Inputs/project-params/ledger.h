// Ledger::mu_ is locked briefly in ledger.cpp, and passed to audit, which no
// file of the project defines (a library built elsewhere): not judged.
#pragma once
#include "folly_coro_mutex.h"
#include "task.h"

class Ledger {
  folly::coro::Mutex mu_;
  int entries_ = 0;

public:
  task<void> post();
  task<void> check();
};

task<void> audit(folly::coro::Mutex &m);

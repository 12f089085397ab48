// Counter::mu_ is locked briefly in counter.cpp, and passed to tally, which
// locks it briefly in tally.cpp: never held across a suspension point.
#pragma once
#include "folly_coro_mutex.h"
#include "task.h"

class Counter {
  folly::coro::Mutex mu_;
  int n_ = 0;

public:
  task<void> add(int k);
  task<void> settle();
};

task<void> tally(folly::coro::Mutex &m, int &n);
